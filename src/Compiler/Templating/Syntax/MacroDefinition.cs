using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>
/// A macro's signature and body. The Uses* flags say whether the body reads <c>caller</c>,
/// <c>varargs</c> or <c>kwargs</c>: as in Jinja, extra arguments are an error unless it does.
/// </summary>
internal sealed record MacroDefinition(
    string Name,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<Statement> Body,
    bool UsesCaller,
    bool UsesVarargs,
    bool UsesKwargs,
    SourceSpan Span);
