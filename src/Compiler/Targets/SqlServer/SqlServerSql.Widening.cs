using System.Globalization;

namespace ModelForge.Compiler.Targets.SqlServer;

// dbt's expand_target_column_types on SQL Server. An upstream varchar(50) that becomes varchar(100)
// would make the next insert fail with 2628 (string or binary data would be truncated); the table's
// column is widened first, within its family. ALTER COLUMN may widen a varchar, nvarchar or
// varbinary column even when an index uses it.
public sealed partial class SqlServerSql
{
    private static readonly HashSet<string> Widenable = new(StringComparer.Ordinal)
    {
        "varchar", "nvarchar", "char", "nchar", "varbinary", "binary",
    };

    public override string? WidenedColumnType(string targetType, string batchType)
    {
        if (Length(targetType) is not { } target || Length(batchType) is not { } batch) return null;
        if (target.Family != batch.Family && Variable(target.Family) != Variable(batch.Family)) return null;
        if (batch.Length <= target.Length) return null;
        // A fixed-length column widened to the batch's length keeps its family (char stays char).
        var family = target.Family;
        return $"{family}({(batch.Length == int.MaxValue ? "max" : batch.Length.ToString(CultureInfo.InvariantCulture))})";
    }

    public override bool HoldsColumnType(string targetType, string batchType) =>
        Length(targetType) is { } target && Length(batchType) is { } batch
        && Variable(target.Family) == Variable(batch.Family) && batch.Length <= target.Length;

    // char and varchar hold the same characters; nchar and nvarchar; binary and varbinary.
    private static string Variable(string family) => family switch
    {
        "char" => "varchar",
        "nchar" => "nvarchar",
        "binary" => "varbinary",
        _ => family,
    };

    private static (string Family, int Length)? Length(string type)
    {
        var (family, arguments) = Split(type);
        if (!Widenable.Contains(family) || arguments is null) return null;
        if (arguments == "max") return (family, int.MaxValue);
        return int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? (family, length) : null;
    }
}
