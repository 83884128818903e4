using System.Data.Common;
using System.Globalization;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Reads the columns of every relation the project builds or reads from information_schema, with
/// one query per schema (never per node), and matches them to nodes by schema and identifier.
/// </summary>
internal static class CatalogReader
{
    public static Catalog Read(DbConnection connection, TargetSql sql, CompiledProject project, DiagnosticBag diagnostics)
    {
        var nodes = new Dictionary<string, CatalogTable>(StringComparer.Ordinal);
        var sources = new Dictionary<string, CatalogTable>(StringComparer.Ordinal);
        var bySchema = project.Nodes.Values
            .Where(HasRelation)
            .GroupBy(n => (Database: n.Relation.Database?.ToLowerInvariant(), Schema: n.Relation.Schema!.ToLowerInvariant()));
        foreach (var group in bySchema)
        {
            var wanted = new Dictionary<string, ProjectNode>(StringComparer.OrdinalIgnoreCase);
            foreach (var node in group) wanted.TryAdd(node.Relation.Identifier!, node);
            List<CatalogTable> tables;
            try
            {
                tables = ReadSchema(connection, sql, group.First().Relation.Database, group.First().Relation.Schema!, wanted);
            }
            catch (DbException e)
            {
                diagnostics.Add(DiagnosticCodes.Docs.CatalogQueryFailed(group.First().Relation.Schema!, e.Message));
                continue;
            }
            foreach (var table in tables)
            {
                var node = project.Nodes[table.UniqueId];
                (node.ResourceType == ResourceType.Source ? sources : nodes)[table.UniqueId] = table;
            }
        }
        return new Catalog(nodes, sources);
    }

    private static bool HasRelation(ProjectNode node) =>
        node.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot or ResourceType.Source
        && node.Materialized != "ephemeral"
        && !string.IsNullOrEmpty(node.Relation.Schema)
        && !string.IsNullOrEmpty(node.Relation.Identifier);

    private static List<CatalogTable> ReadSchema(DbConnection connection, TargetSql sql, string? database, string schema, Dictionary<string, ProjectNode> wanted)
    {
        // INFORMATION_SCHEMA has the same shape on DuckDB and SQL Server, so one query serves both;
        // upper case because SQL Server databases with a case-sensitive collation only know it so.
        using var command = connection.CreateCommand();
        command.CommandText =
            "select c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.ORDINAL_POSITION, t.TABLE_TYPE, c.TABLE_CATALOG " +
            "from INFORMATION_SCHEMA.COLUMNS c join INFORMATION_SCHEMA.TABLES t " +
            "on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = c.TABLE_NAME and t.TABLE_CATALOG = c.TABLE_CATALOG " +
            $"where c.TABLE_SCHEMA = {sql.Literal(schema)}" +
            // DuckDB's INFORMATION_SCHEMA spans every attached catalog: read the relations' own.
            (string.IsNullOrEmpty(database) ? "" : $" and lower(c.TABLE_CATALOG) = lower({sql.Literal(database)})") +
            " order by c.TABLE_NAME, c.ORDINAL_POSITION";
        var columns = new Dictionary<string, (ProjectNode Node, string Type, string? Database, List<CatalogColumn> Columns)>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var table = reader.GetString(0);
            if (!wanted.TryGetValue(table, out var node)) continue;
            if (!columns.TryGetValue(table, out var entry))
            {
                entry = (node, reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), []);
                columns[table] = entry;
            }
            var index = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
            entry.Columns.Add(new CatalogColumn(reader.GetString(1), reader.GetString(2), index));
        }
        return columns.Select(c => new CatalogTable(c.Value.Node.UniqueId, c.Value.Database, schema, c.Key, c.Value.Type, c.Value.Columns)).ToList();
    }
}
