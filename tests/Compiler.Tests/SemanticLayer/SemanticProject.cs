using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SemanticLayer;

/// <summary>A temp project with an orders model, compiled and written as manifest.json.</summary>
internal sealed class SemanticProject : IDisposable
{
    private readonly TempProjectDirectory _dir = new("name: shop\n");

    public SemanticProject()
    {
        _dir.Write("models/orders.sql", "select 1 as order_id, 1 as customer_id, current_date as ordered_at, 10.0 as order_total");
        _dir.Write("models/customers.sql", "select 1 as customer_id");
    }

    public SemanticProject Write(string path, string text)
    {
        _dir.Write(path, text);
        return this;
    }

    public (CompiledProject? Compiled, List<Diagnostic> Diagnostics) Compile()
    {
        var bag = new DiagnosticBag();
        var loaded = ProjectLoader.Load(_dir.Options(), bag);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", bag.ToList().Select(d => d.ToString())));
        var compiled = ProjectCompiler.Compile(loaded!, new CompileOptions { Environment = _ => null }, bag);
        return (compiled, bag.ToList().ToList());
    }

    public JsonElement Manifest()
    {
        var (compiled, diagnostics) = Compile();
        Assert.That(diagnostics.Where(d => d.IsError).Select(d => d.ToString()), Is.Empty);
        using var stream = new MemoryStream();
        ManifestWriter.Write(stream, compiled!, "inv", DateTimeOffset.UnixEpoch);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    public Diagnostic SingleError()
    {
        var (compiled, diagnostics) = Compile();
        Assert.That(compiled, Is.Null);
        return diagnostics.Single(d => d.IsError);
    }

    public void Dispose() => _dir.Dispose();
}
