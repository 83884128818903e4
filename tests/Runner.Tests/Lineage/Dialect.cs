namespace ModelForge.Runner.Tests.Lineage;

public enum Dialect
{
    DuckDb,
    TSql,
}
