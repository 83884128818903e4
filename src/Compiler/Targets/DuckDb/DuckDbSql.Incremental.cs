namespace ModelForge.Compiler.Targets.DuckDb;

// DuckDB (1.5) has MERGE INTO, transactional DDL and aliases on UPDATE/DELETE targets.
public sealed partial class DuckDbSql
{
    private const string Target = "forge_target";
    private const string Source = "forge_source";

    public override string ListColumns(string? database, string schema, string identifier) =>
        "select column_name, data_type from information_schema.columns " +
        $"where table_schema = {Literal(schema)} and table_name = {Literal(identifier)}" +
        (string.IsNullOrEmpty(database) ? "" : $" and table_catalog = {Literal(database)}") +
        " order by ordinal_position";

    public override string InsertFrom(string target, string source, IReadOnlyList<string> columns)
    {
        var list = ColumnList(columns);
        return $"insert into {target} ({list})\nselect {list}\nfrom {source}";
    }

    public override string DeleteMatching(string target, string source, IReadOnlyList<string> uniqueKey) =>
        $"delete from {target} as {Target}\nwhere exists (\n    select 1 from {source} as {Source}\n    where {KeyMatch(uniqueKey)}\n)";

    public override string Merge(string target, string source, IReadOnlyList<string> uniqueKey,
        IReadOnlyList<string> insertColumns, IReadOnlyList<string> updateColumns)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"merge into {target} as {Target}\nusing {source} as {Source}\non ({KeyMatch(uniqueKey)})\n");
        if (updateColumns.Count > 0)
            text.Append($"when matched then update set {string.Join(", ", updateColumns.Select(c => $"{Quote(c)} = {Source}.{Quote(c)}"))}\n");
        text.Append($"when not matched then insert ({ColumnList(insertColumns)})\n");
        text.Append($"    values ({string.Join(", ", insertColumns.Select(c => $"{Source}.{Quote(c)}"))})");
        return text.ToString();
    }

    public override string DuplicateKeys(string source, IReadOnlyList<string> uniqueKey, int limit)
    {
        var keys = string.Join(", ", uniqueKey);
        return $"select {keys}, count(*) from {source} group by {keys} having count(*) > 1 limit {limit}";
    }

    public override string AddColumn(string target, string column, string dataType) =>
        $"alter table {target} add column {Quote(column)} {dataType}";

    public override string DropColumn(string target, string column) =>
        $"alter table {target} drop column {Quote(column)}";

    public override string AlterColumnType(string target, string column, string dataType) =>
        $"alter table {target} alter column {Quote(column)} set data type {dataType}";

    private string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));

    private static string KeyMatch(IReadOnlyList<string> uniqueKey) =>
        string.Join(" and ", uniqueKey.Select(k => $"{Source}.{k} = {Target}.{k}"));

    // DuckDB stages in temporary tables: private to the connection, gone when it closes.
    public override string StagingName(string? database, string schema, string identifier) => $"temp.main.{Quote(identifier)}";

    public override string CreateStagingTable(string? database, string schema, string identifier, string sql) =>
        $"create or replace temporary table {Quote(identifier)} as (\n{sql}\n)";

    public override string DropStagingTable(string? database, string schema, string identifier) =>
        $"drop table if exists {StagingName(database, schema, identifier)}";

    public override string ListStagingColumns(string? database, string schema, string identifier) => ListColumns("temp", "main", identifier);
}
