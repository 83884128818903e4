namespace ModelForge.Compiler.Targets.SqlServer;

public sealed partial class SqlServerSql
{
    public override string DeleteWindow(string target, string column, DateTimeOffset start, DateTimeOffset end) =>
        $"DELETE FROM {target}\nWHERE {EventTimeFilter(column, start, end)}";
}
