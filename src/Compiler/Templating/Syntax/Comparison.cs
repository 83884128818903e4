using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>One <c>op right</c> step of a comparison chain.</summary>
internal sealed record Comparison(CompareOperator Operator, Expression Right, SourceSpan OperatorSpan);
