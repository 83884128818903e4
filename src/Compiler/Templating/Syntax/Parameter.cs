namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>A macro or caller parameter with its optional default.</summary>
internal sealed record Parameter(string Name, Expression? Default);
