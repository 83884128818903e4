namespace ModelForge.Compiler.Contracts;

/// <summary>The constraint types of dbt's contract YAML (<c>type:</c>).</summary>
public enum ConstraintKind
{
    NotNull,
    Unique,
    PrimaryKey,
    ForeignKey,
    Check,
    Custom,
}
