namespace ModelForge.Compiler.Targets;

// dbt's persist_docs: descriptions written onto the relation and its columns in the warehouse.
public abstract partial class TargetSql
{
    /// <summary>Sets the description of a relation; null when the target keeps none.</summary>
    public virtual string? CommentOnRelation(string? database, string schema, string identifier, RelationKind kind, string comment) => null;

    /// <summary>Sets the description of one existing column (named as the database spells it); null when the target keeps none.</summary>
    public virtual string? CommentOnColumn(string? database, string schema, string identifier, RelationKind kind, string column, string comment) => null;
}
