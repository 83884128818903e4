namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>One <c>if</c>/<c>elif</c> condition and its body.</summary>
internal sealed record IfBranch(Expression Condition, IReadOnlyList<Statement> Body);
