namespace ModelForge.Compiler.Project;

/// <summary>A pre-/post-hook: SQL text (still a template) and whether it runs inside the model's transaction.</summary>
public sealed record Hook(string Sql, bool Transaction = true);
