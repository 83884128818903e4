using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// A node's template, parsed already or parsed on first use: a model whose parse result came from
/// the <see cref="StaticParseMemo"/> is not parsed unless something renders or reads it (the compile
/// cache reuses most nodes' SQL with only the text's hash).
/// </summary>
internal sealed class NodeTemplate
{
    private readonly TemplateEngine? _engine;
    private Template? _parsed;

    public NodeTemplate(Template parsed)
    {
        _parsed = parsed;
        Source = parsed.Source;
    }

    /// <summary>A template to parse on first use; only for a text known to parse without errors (the memo holds no other).</summary>
    public NodeTemplate(SourceText source, TemplateEngine engine)
    {
        _engine = engine;
        Source = source;
    }

    public SourceText Source { get; }

    /// <summary>Whether the template has been parsed (tests check that the memo spared the parse).</summary>
    internal bool IsParsed => _parsed is not null;

    // Two threads may both parse: the engine's cache gives both the same template.
    public Template Value => _parsed ??= _engine!.Parse(Source, new DiagnosticBag());
}
