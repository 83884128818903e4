namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>The kinds of <see cref="DuckDbSetupStep"/>, in the order they run (as dbt-duckdb runs them).</summary>
internal enum DuckDbSetupKind
{
    Extension,
    Secret,
    Attach,
    Setting,
}
