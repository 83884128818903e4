using NUnit.Framework;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>Parses and renders template text for tests, with optional globals and a loader.</summary>
internal static class TemplateTestKit
{
    public static readonly TemplateEngine Engine = new();

    public static Template Parse(string text, string path = "models/test.sql")
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText(path, text), bag);
        if (bag.HasErrors) Assert.Fail("unexpected parse errors:\n" + string.Join("\n", bag.ToList()));
        return template;
    }

    public static IReadOnlyList<Diagnostic> ParseErrors(string text, string path = "models/test.sql")
    {
        var bag = new DiagnosticBag();
        var template = new TemplateEngine().Parse(new SourceText(path, text), bag);
        Assert.That(template.HasErrors, Is.EqualTo(bag.HasErrors));
        return bag.ToList();
    }

    public static string Render(string text, IReadOnlyDictionary<string, object?>? globals = null, ITemplateLoader? loader = null) =>
        RenderResult(text, globals, loader).Text;

    public static RenderResult RenderResult(string text, IReadOnlyDictionary<string, object?>? globals = null, ITemplateLoader? loader = null)
    {
        var template = Parse(text);
        return Engine.Render(template, new TemplateContext(globals ?? new Dictionary<string, object?>(), loader));
    }

    public static Diagnostic RenderError(string text, IReadOnlyDictionary<string, object?>? globals = null, ITemplateLoader? loader = null)
    {
        var template = Parse(text);
        var error = Assert.Throws<DiagnosticException>(() =>
            Engine.Render(template, new TemplateContext(globals ?? new Dictionary<string, object?>(), loader)));
        return error!.Diagnostic;
    }

    /// <summary>"line:column" of a diagnostic, for compact position assertions.</summary>
    public static string Position(Diagnostic diagnostic) => $"{diagnostic.Span!.Value.Line}:{diagnostic.Span!.Value.Column}";
}
