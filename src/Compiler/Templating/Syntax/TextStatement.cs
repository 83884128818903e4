using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>Template data copied to the output as is; the text is the span's source range.</summary>
internal sealed record TextStatement(SourceSpan Span) : Statement(Span);
