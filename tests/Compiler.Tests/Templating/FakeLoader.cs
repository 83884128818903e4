using NUnit.Framework;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>An in-memory loader: file name → template text, parsed on demand.</summary>
internal sealed class FakeLoader(Dictionary<string, string> files) : ITemplateLoader
{
    public int Loads { get; private set; }

    public Template? Load(string name)
    {
        Loads++;
        return files.TryGetValue(name, out var text) ? TemplateTestKit.Engine.Parse(new SourceText(name, text), new DiagnosticBag()) : null;
    }
}
