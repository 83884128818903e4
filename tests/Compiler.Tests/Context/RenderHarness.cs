using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>Renders model templates through the real engine with the dbt context and the built-in macros.</summary>
internal sealed class RenderHarness
{
    private static readonly TemplateEngine Engine = new();

    public RenderHarness()
    {
        Context.Macros.AddRange(MacroRegistry.BuiltinPackage, BuiltinMacros.Load(Engine));
    }

    public ContextHarness Context { get; } = new();

    /// <summary>Parses a project macro file into the root project's macros.</summary>
    public RenderHarness WithMacros(string path, string text, string package = "shop")
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText(path, text), bag);
        Assert.That(bag.ToList(), Is.Empty, "macro file should parse");
        Context.Macros.AddTemplate(package, template);
        return this;
    }

    public string Render(string model)
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText("models/orders.sql", model), bag);
        Assert.That(bag.ToList(), Is.Empty, "model should parse");
        return Engine.Render(template, ContextBuilder.CreateContext(Context.Project(), Context.Node())).Text;
    }

    public Diagnostic Fails(string model) => ContextHarness.Fails(() => Render(model));
}
