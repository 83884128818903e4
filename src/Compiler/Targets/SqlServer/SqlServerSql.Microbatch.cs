namespace ModelForge.Compiler.Targets.SqlServer;

public sealed partial class SqlServerSql
{
    // datetime2 holds every bound exactly; the ISO 8601 'T' form is read the same under any DATEFORMAT or language.
    public override string EventTimeLiteral(DateTimeOffset time) =>
        $"CAST('{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}' AS datetime2)";

    public override string DeleteWindow(string target, string column, DateTimeOffset start, DateTimeOffset end) =>
        $"DELETE FROM {target}\nWHERE {column} >= {EventTimeLiteral(start)} AND {column} < {EventTimeLiteral(end)}";
}
