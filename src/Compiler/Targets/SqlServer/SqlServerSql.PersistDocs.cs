namespace ModelForge.Compiler.Targets.SqlServer;

// persist_docs as SQL Server tools read descriptions: the MS_Description extended property. It is
// added the first time and updated after (sp_addextendedproperty fails when it already exists, as
// on a view altered in place or an incremental table).
public sealed partial class SqlServerSql
{
    public override string CommentOnRelation(string? database, string schema, string identifier, RelationKind kind, string comment) =>
        Describe(database, schema, identifier, kind, null, comment);

    public override string CommentOnColumn(string? database, string schema, string identifier, RelationKind kind, string column, string comment) =>
        Describe(database, schema, identifier, kind, column, comment);

    private string Describe(string? database, string schema, string identifier, RelationKind kind, string? column, string comment)
    {
        var objectId = $"OBJECT_ID({Literal(QualifiedName(database, schema, identifier))})";
        var minor = column is null ? "0" : $"COLUMNPROPERTY({objectId}, {Literal(column)}, 'ColumnId')";
        var levels = $"@level0type = N'SCHEMA', @level0name = {Literal(schema)}, " +
                     $"@level1type = {(kind == RelationKind.View ? "N'VIEW'" : "N'TABLE'")}, @level1name = {Literal(identifier)}" +
                     (column is null ? "" : $", @level2type = N'COLUMN', @level2name = {Literal(column)}");
        var arguments = $"@name = N'MS_Description', @value = {Literal(comment)}, {levels}";
        return $"IF EXISTS (SELECT 1 FROM {Catalog(database)}sys.extended_properties WHERE class = 1 AND major_id = {objectId} " +
               $"AND minor_id = {minor} AND name = N'MS_Description')\n" +
               $"    EXEC {Procedure(database, "sp_updateextendedproperty")} {arguments};\n" +
               "ELSE\n" +
               $"    EXEC {Procedure(database, "sp_addextendedproperty")} {arguments}";
    }
}
