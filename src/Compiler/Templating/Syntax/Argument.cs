namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>One argument of a call, filter or test; <see cref="Name"/> is set for keyword arguments.</summary>
internal readonly record struct Argument(ArgumentKind Kind, string? Name, Expression Value);
