using System.Globalization;

namespace ModelForge.Compiler.Targets.DuckDb;

public sealed partial class DuckDbSql
{
    public override string Hash(IReadOnlyList<string> expressions) =>
        "md5(" + string.Join(" || '|' || ", expressions.Select(e => $"coalesce(cast({e} as varchar), '')")) + ")";

    public override string TimestampLiteral(DateTimeOffset instant) =>
        $"cast('{instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}' as timestamp)";

    public override string CloseSnapshotRows(string target, string changes, SnapshotColumnNames names, string changeTypeColumn, string? validToCurrent = null) =>
        $"update {target} as {Target}\nset {Quote(names.ValidTo)} = {Source}.{Quote(names.ValidTo)}\n" +
        $"from {changes} as {Source}\n" +
        $"where {Source}.{Quote(names.ScdId)} = {Target}.{Quote(names.ScdId)}\n" +
        $"  and {Source}.{Quote(changeTypeColumn)} in ('update', 'delete')\n" +
        $"  and {IsCurrentVersion($"{Target}.{Quote(names.ValidTo)}", validToCurrent)}";

    public override string InsertSnapshotRows(string target, string changes, IReadOnlyList<string> columns, string changeTypeColumn)
    {
        var list = ColumnList(columns);
        return $"insert into {target} ({list})\nselect {list}\nfrom {changes}\nwhere {Quote(changeTypeColumn)} = 'insert'";
    }
}
