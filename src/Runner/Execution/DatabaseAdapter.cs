using System.Data.Common;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution;

/// <summary>
/// What templates reach of the database during a run (run_query, statement, adapter.*), on the
/// worker's own connection. Database errors become diagnostics at the template call.
/// </summary>
internal sealed class DatabaseAdapter(DbConnection connection, TargetSql sql, RelationCache relations) : IAdapterRuntime
{
    public QueryResult Query(string text)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = text;
            using var reader = command.ExecuteReader();
            var names = new string[reader.FieldCount];
            var types = new string[reader.FieldCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = reader.GetName(i);
                types[i] = reader.GetDataTypeName(i);
            }
            var rows = new List<IReadOnlyList<object?>>();
            while (reader.Read())
            {
                var row = new object?[names.Length];
                for (var i = 0; i < row.Length; i++) row[i] = TemplateValues.FromDotNet(DbNumbers.Widen(Connections.DuckDb.DuckDbValues.Read(reader, i)));
                rows.Add(row);
            }
            return new QueryResult(names, rows, types);
        }
        catch (DbException e)
        {
            throw Failed(e);
        }
    }

    public AdapterResponse Execute(string text)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = text;
            var rows = command.ExecuteNonQuery();
            return new AdapterResponse("OK", rows >= 0 ? rows : null);
        }
        catch (DbException e)
        {
            throw Failed(e);
        }
    }

    public Relation? GetRelation(string? database, string schema, string identifier)
    {
        var kind = relations.Find(connection, database, schema, identifier);
        if (kind is null) return null;
        var type = kind == RelationKind.View ? RelationType.View : RelationType.Table;
        return new Relation(database, schema, identifier, type, RelationQuoting.ForTargetType(sql.Type));
    }

    public IReadOnlyList<Column> GetColumnsInRelation(Relation relation)
    {
        // With three-part names (SQL Server) the catalog views of the relation's own database answer,
        // not those of the connection's current one.
        var (from, filter) = sql.CatalogColumns(relation.Database);
        // Upper case: a SQL Server database with a case-sensitive collation only knows these names so.
        var query = "select COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE " +
                    $"from {from} where TABLE_SCHEMA = {sql.Literal(relation.Schema ?? "")} " +
                    $"and TABLE_NAME = {sql.Literal(relation.Identifier ?? "")}{filter} order by ORDINAL_POSITION";
        var columns = new List<Column>();
        foreach (var row in Query(query).Rows)
        {
            columns.Add(new Column((string)row[0]!, (string)row[1]!, row[2] as long?, row[3] as long?, row[4] as long?)
            {
                Quoting = RelationQuoting.ForTargetType(sql.Type),
                Flavor = ColumnFlavor.ForTargetType(sql.Type),
            });
        }
        return columns;
    }

    public void CreateSchema(Relation relation) =>
        relations.EnsureSchema(connection, relation.Database, relation.Schema ?? "");

    public void DropRelation(Relation relation)
    {
        var schema = relation.Schema ?? "";
        var identifier = relation.Identifier ?? "";
        if (Kind(relation) is not { } kind) return;
        Execute(sql.Drop(relation.Database, schema, identifier, kind));
        relations.Set(relation.Database, schema, identifier, null);
    }

    public void RenameRelation(Relation from, Relation to)
    {
        var schema = from.Schema ?? "";
        var identifier = from.Identifier ?? "";
        var kind = Kind(from) ?? throw new DiagnosticException(Diagnostic.Error(DiagnosticCodes.DatabaseError,
            $"database error: cannot rename {from.Render()}: it does not exist", hint: "check the relation passed to adapter.rename_relation"));
        Execute(sql.Rename(from.Database, schema, identifier, to.Identifier ?? "", kind));
        relations.Set(from.Database, schema, identifier, null);
        relations.Set(from.Database, schema, to.Identifier ?? "", kind);
    }

    // What the database has, whatever type the template's relation claims (null: it does not exist).
    private RelationKind? Kind(Relation relation) =>
        relations.Find(connection, relation.Database, relation.Schema ?? "", relation.Identifier ?? "");

    /// <summary>The database's first line as the message, the rest (DuckDB's excerpt and caret) as detail; the caller adds the position.</summary>
    private static DiagnosticException Failed(DbException e)
    {
        var lines = e.Message.Trim().Split('\n', 2);
        return new(Diagnostic.Error(DiagnosticCodes.DatabaseError, $"database error: {lines[0].Trim()}",
            hint: "check the query passed to run_query/statement", detail: lines.Length > 1 ? lines[1].TrimEnd() : null));
    }
}
