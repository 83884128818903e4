namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// A macro whose file changed, as the full compile would now write it: its body as <c>macro_sql</c> (what
/// <c>State.MacroDependencies.BodyOf</c> gives). Nothing else in a macro's entry depends on its body.
/// </summary>
internal sealed record MacroPatch(string UniqueId, string MacroSql);
