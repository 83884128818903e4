namespace ModelForge.Compiler.Context;

/// <summary>
/// Which render this is. At <see cref="Parse"/> dbt's <c>execute</c> is false: queries do not run,
/// <c>is_incremental()</c> is false, <c>config()</c> records. At <see cref="Execute"/> the node is
/// rendered for its target, with a database when the runner supplies one.
/// </summary>
public enum RenderPhase
{
    Parse,
    Execute,
}
