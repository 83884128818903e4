using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>A variable read (or an assignment target).</summary>
internal sealed record NameExpression(string Name, SourceSpan Span) : Expression(Span);
