using System.Globalization;
using System.Text;

namespace ModelForge.Compiler.Targets.SqlServer;

// Incremental statements. T-SQL aliases the target of UPDATE/DELETE in a FROM clause, MERGE must
// end with ';', and HOLDLOCK keeps a concurrent writer from slipping a row in between match and insert.
public sealed partial class SqlServerSql
{
    private const string TargetAlias = "forge_target";
    private const string SourceAlias = "forge_source";

    /// <summary>Column types are spelled in full (nvarchar(4000), decimal(12,2), datetime2(6)) so they can be used in ALTER TABLE.</summary>
    public override string ListColumns(string? database, string schema, string identifier) =>
        "SELECT COLUMN_NAME, CASE\n" +
        // -1 also marks xml, which takes no length.
        "    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'\n" +
        "    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'\n" +
        "    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'\n" +
        "    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'\n" +
        "    ELSE DATA_TYPE END\n" +
        $"FROM {Catalog(database)}INFORMATION_SCHEMA.COLUMNS\n" +
        $"WHERE TABLE_SCHEMA = {Literal(schema)} AND TABLE_NAME = {Literal(identifier)}\n" +
        "ORDER BY ORDINAL_POSITION";

    /// <summary>dbt-sqlserver merges when a unique_key is given (a key repeated in the batch then fails instead of being inserted twice).</summary>
    public override string DefaultIncrementalStrategy(bool hasUniqueKey) => hasUniqueKey ? "merge" : "append";

    public override string InsertFrom(string target, string source, IReadOnlyList<string> columns)
    {
        var list = ColumnList(columns);
        return $"INSERT INTO {target} ({list})\nSELECT {list}\nFROM {source}";
    }

    public override string DeleteMatching(string target, string source, IReadOnlyList<string> uniqueKey) =>
        $"DELETE {TargetAlias}\nFROM {target} AS {TargetAlias}\nWHERE EXISTS (\n    SELECT 1 FROM {source} AS {SourceAlias}\n    WHERE {KeyMatch(uniqueKey)}\n)";

    public override string Merge(string target, string source, IReadOnlyList<string> uniqueKey,
        IReadOnlyList<string> insertColumns, IReadOnlyList<string> updateColumns)
    {
        // The key matched, so its columns hold equal values: updating them would only fail on an
        // IDENTITY key (8102) and rewrite a clustered key.
        updateColumns = updateColumns.Where(c => !uniqueKey.Any(k => string.Equals(k.Trim().Trim('[', ']'), c, StringComparison.OrdinalIgnoreCase))).ToList();
        var text = new StringBuilder();
        text.Append($"MERGE INTO {target} WITH (HOLDLOCK) AS {TargetAlias}\nUSING {source} AS {SourceAlias}\nON ({KeyMatch(uniqueKey)})\n");
        if (updateColumns.Count > 0)
            text.Append($"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updateColumns.Select(c => $"{Quote(c)} = {SourceAlias}.{Quote(c)}"))}\n");
        text.Append($"WHEN NOT MATCHED THEN INSERT ({ColumnList(insertColumns)})\n");
        // MERGE is the one T-SQL statement that must be terminated.
        text.Append($"    VALUES ({string.Join(", ", insertColumns.Select(c => $"{SourceAlias}.{Quote(c)}"))});");
        return text.ToString();
    }

    public override string DuplicateKeys(string source, IReadOnlyList<string> uniqueKey, int limit)
    {
        var keys = string.Join(", ", uniqueKey.Select(KeyColumn));
        // A null key never matches in MERGE's ON, so rows with null keys are inserted, not duplicates.
        var notNull = string.Join(" AND ", uniqueKey.Select(k => $"{KeyColumn(k)} IS NOT NULL"));
        return $"SELECT TOP ({limit.ToString(CultureInfo.InvariantCulture)}) {keys}, COUNT(*) FROM {source} WHERE {notNull} GROUP BY {keys} HAVING COUNT(*) > 1";
    }

    public override string AddColumn(string target, string column, string dataType) =>
        $"ALTER TABLE {target} ADD {Quote(column)} {dataType}";

    public override string DropColumn(string target, string column) =>
        $"ALTER TABLE {target} DROP COLUMN {Quote(column)}";

    /// <summary>
    /// Tables made by an older <c>SELECT INTO</c> copied NOT NULL from the query: an insert that
    /// leaves such a column out would fail with error 515. Dropping NOT NULL is a metadata change.
    /// </summary>
    public override string AllowNulls(string target, string column, string dataType) =>
        $"ALTER TABLE {target} ALTER COLUMN {Quote(column)} {dataType} NULL";

    public override string AlterColumnType(string target, string column, string dataType) =>
        $"ALTER TABLE {target} ALTER COLUMN {Quote(column)} {dataType}";

    private string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));

    private string KeyMatch(IReadOnlyList<string> uniqueKey) =>
        string.Join(" AND ", uniqueKey.Select(k => $"{SourceAlias}.{KeyColumn(k)} = {TargetAlias}.{KeyColumn(k)}"));

    /// <summary>
    /// A unique_key entry is a column name: quoted, so keys named <c>key</c>, <c>order</c> or with a
    /// space are not syntax errors. An entry already in brackets is kept as written.
    /// </summary>
    internal string KeyColumn(string key)
    {
        var text = key.Trim();
        return text.StartsWith('[') && text.EndsWith(']') ? text : Quote(text);
    }
}
