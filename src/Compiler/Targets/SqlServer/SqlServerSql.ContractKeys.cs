using System.Collections;
using ModelForge.Compiler.Contracts;

namespace ModelForge.Compiler.Targets.SqlServer;

// A PRIMARY KEY or UNIQUE constraint is CLUSTERED by default, and a table has one clustered index:
// with as_columnstore (a clustered columnstore index) or a clustered entry in `indexes`, the
// contract's keys are created NONCLUSTERED, or the index after them fails with error 1902.
public sealed partial class SqlServerSql
{
    public override string CreateTableWithContract(string? database, string schema, string identifier, ModelContract contract,
        IReadOnlyDictionary<string, object?> config)
    {
        var text = CreateTableWithContract(database, schema, identifier, contract);
        if (!HasClusteredStorage(config)) return text;
        // Constraint names are left to SQL Server (ConstraintClause), so each key clause starts
        // with its keyword: column-level "primary key" / "unique", table-level "primary key (" / "unique (".
        var lines = text.Split('\n').Select(line =>
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("primary key", StringComparison.Ordinal) || trimmed.StartsWith("unique", StringComparison.Ordinal))
                return KeyNonclustered(line);
            return ColumnKeyNonclustered(line, contract);
        });
        return string.Join('\n', lines);
    }

    /// <summary>True when the table gets a clustered index of its own from config.</summary>
    public static bool HasClusteredStorage(IReadOnlyDictionary<string, object?> config)
    {
        if (config.TryGetValue("as_columnstore", out var columnstore) && IsTrue(columnstore)) return true;
        if (!config.TryGetValue("indexes", out var indexes) || indexes is not IEnumerable list || indexes is string) return false;
        return list.OfType<IReadOnlyDictionary<string, object?>>()
            .Any(i => string.Equals(i.GetValueOrDefault("type") as string, "clustered", StringComparison.OrdinalIgnoreCase));
    }

    private static string KeyNonclustered(string line)
    {
        foreach (var keyword in new[] { "primary key", "unique" })
        {
            var at = line.IndexOf(keyword, StringComparison.Ordinal);
            if (at >= 0) return line[..(at + keyword.Length)] + " nonclustered" + line[(at + keyword.Length)..];
        }
        return line;
    }

    // Column-level keys end the column's definition: "    [id] int not null primary key,".
    private string ColumnKeyNonclustered(string line, ModelContract contract)
    {
        var body = line.TrimEnd(',');
        var suffix = line[body.Length..];
        foreach (var keyword in new[] { " primary key", " unique" })
        {
            if (body.EndsWith(keyword, StringComparison.Ordinal)
                && contract.Columns.Any(c => body.TrimStart().StartsWith(Quote(c.Name) + " ", StringComparison.Ordinal)))
                return body + " nonclustered" + suffix;
        }
        return line;
    }
}
