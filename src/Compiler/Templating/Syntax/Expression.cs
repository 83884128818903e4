using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>Something that evaluates to a value.</summary>
internal abstract record Expression(SourceSpan Span) : Node(Span);
