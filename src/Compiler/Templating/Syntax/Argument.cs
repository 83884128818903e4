namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>One argument of a call, filter or test; <see cref="Name"/> is set for keyword arguments.</summary>
internal sealed record Argument(ArgumentKind Kind, string? Name, Expression Value);
