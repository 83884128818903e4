namespace ModelForge.Compiler.Targets;

// forge clone (dbt 1.6's `dbt clone`): a relation in the current target that points at the state's.
public abstract partial class TargetSql
{
    /// <summary>
    /// A zero-copy clone of the state's table, or null when the warehouse has none: then the clone is a
    /// view selecting from it (dbt's fallback). Neither DuckDB nor SQL Server has a table clone;
    /// a warehouse with one (Snowflake's CLONE, Fabric's AS CLONE OF) overrides this.
    /// </summary>
    public virtual string? CloneTable(string? database, string schema, string identifier, string? fromDatabase, string fromSchema, string fromIdentifier) => null;

    /// <summary>What a clone view selects: every column of the state's relation.</summary>
    public string ClonePointer(string? database, string schema, string identifier) => $"select * from {QualifiedName(database, schema, identifier)}";
}
