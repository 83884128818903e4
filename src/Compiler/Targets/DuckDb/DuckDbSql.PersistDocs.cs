namespace ModelForge.Compiler.Targets.DuckDb;

// persist_docs as DuckDB (0.10.1+) keeps descriptions: COMMENT ON.
public sealed partial class DuckDbSql
{
    public override string CommentOnRelation(string? database, string schema, string identifier, RelationKind kind, string comment) =>
        $"comment on {(kind == RelationKind.View ? "view" : "table")} {QualifiedName(database, schema, identifier)} is {Literal(comment)}";

    public override string CommentOnColumn(string? database, string schema, string identifier, RelationKind kind, string column, string comment) =>
        $"comment on column {QualifiedName(database, schema, identifier)}.{Quote(column)} is {Literal(comment)}";
}
