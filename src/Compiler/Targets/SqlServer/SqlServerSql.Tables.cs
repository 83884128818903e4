using System.Collections;
using System.Text;

namespace ModelForge.Compiler.Targets.SqlServer;

// Table options from model config and keeping dependent views current after a swap.
public sealed partial class SqlServerSql
{
    /// <summary>
    /// <c>as_columnstore: true</c> adds a clustered columnstore index; each entry of
    /// <c>indexes: [{columns: [a, b], unique: true, type: clustered|nonclustered, include: [c]}]</c>
    /// adds a rowstore index. Index names derive from the columns, so they survive the rename.
    /// A table has one clustered index: with <c>as_columnstore</c> the rowstore indexes are nonclustered.
    /// </summary>
    public override IReadOnlyList<string> TableOptions(string? database, string schema, string identifier, IReadOnlyDictionary<string, object?> config)
    {
        var statements = new List<string>();
        var table = QualifiedName(database, schema, identifier);
        var isColumnstore = config.TryGetValue("as_columnstore", out var columnstore) && IsTrue(columnstore);
        if (isColumnstore)
            statements.Add($"CREATE CLUSTERED COLUMNSTORE INDEX {Quote("cci")} ON {table}");
        if (config.TryGetValue("indexes", out var indexes) && indexes is IEnumerable list and not string)
        {
            foreach (var item in list)
            {
                if (item is not IReadOnlyDictionary<string, object?> index) continue;
                var columns = Names(index.GetValueOrDefault("columns"));
                if (columns.Count == 0) continue;
                var unique = IsTrue(index.GetValueOrDefault("unique"));
                var clustered = !isColumnstore && string.Equals(index.GetValueOrDefault("type") as string, "clustered", StringComparison.OrdinalIgnoreCase);
                var include = Names(index.GetValueOrDefault("include"));
                var name = IndexName(unique ? "ux" : "ix", columns);
                var text = new StringBuilder("CREATE ")
                    .Append(unique ? "UNIQUE " : "")
                    .Append(clustered ? "CLUSTERED" : "NONCLUSTERED")
                    .Append(" INDEX ").Append(Quote(name)).Append(" ON ").Append(table)
                    .Append(" (").Append(string.Join(", ", columns.Select(Quote))).Append(')');
                if (include.Count > 0 && !clustered) text.Append(" INCLUDE (").Append(string.Join(", ", include.Select(Quote))).Append(')');
                statements.Add(text.ToString());
            }
        }
        return statements;
    }

    /// <summary>
    /// A view over <c>select *</c> keeps the column list of the table it was created on; after the
    /// table is replaced every view naming it is refreshed. A view that no longer compiles is left
    /// for its own model (or the user) to fix rather than failing the table that was built.
    /// </summary>
    public override string RefreshDependentViews(string? database, string schema, string identifier)
    {
        var batch =
            "DECLARE @forge_view nvarchar(776);\n" +
            "DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR\n" +
            "    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N'.' + QUOTENAME(OBJECT_NAME(d.referencing_id))\n" +
            "    FROM sys.sql_expression_dependencies AS d\n" +
            "    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id\n" +
            $"    WHERE d.referenced_entity_name = {Literal(identifier)}\n" +
            $"      AND (d.referenced_schema_name = {Literal(schema)} OR d.referenced_schema_name IS NULL)\n" +
            "      AND (d.referenced_database_name IS NULL OR d.referenced_database_name = DB_NAME());\n" +
            "OPEN forge_views;\n" +
            "FETCH NEXT FROM forge_views INTO @forge_view;\n" +
            "WHILE @@FETCH_STATUS = 0\n" +
            "BEGIN\n" +
            "    BEGIN TRY\n" +
            "        EXEC sp_refreshview @forge_view;\n" +
            "    END TRY\n" +
            "    BEGIN CATCH\n" +
            "    END CATCH;\n" +
            "    FETCH NEXT FROM forge_views INTO @forge_view;\n" +
            "END;\n" +
            "CLOSE forge_views;\n" +
            "DEALLOCATE forge_views;";
        return InDatabase(database, batch);
    }

    private string IndexName(string prefix, IReadOnlyList<string> columns)
    {
        var name = prefix + "_" + string.Join("_", columns);
        if (name.Length <= Capabilities.MaxIdentifierLength) return name;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(Capabilities.MaxIdentifierLength - 9)] + "_" + hash;
    }

    private static IReadOnlyList<string> Names(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable items => items.Cast<object?>().Where(i => i is not null).Select(i => i!.ToString()!).ToList(),
        _ => [value.ToString()!],
    };

    private static bool IsTrue(object? value) => value is true || (value is string s && s.Equals("true", StringComparison.OrdinalIgnoreCase));
}
