namespace ModelForge.Compiler.Targets;

// Statements of microbatch models (dbt 1.9): the window filter on upstream relations and the
// delete of one window before its batch is inserted. Windows are UTC; the column is written as the
// event_time config gives it (an expression, as in dbt).
public abstract partial class TargetSql
{
    /// <summary>A timestamp literal for a window bound, without time zone (UTC).</summary>
    public virtual string EventTimeLiteral(DateTimeOffset time) =>
        $"cast('{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}' as timestamp)";

    /// <summary>The condition that keeps the rows whose <paramref name="column"/> is in [start, end).</summary>
    public string EventTimeFilter(string column, DateTimeOffset start, DateTimeOffset end) =>
        $"{column} >= {EventTimeLiteral(start)} and {column} < {EventTimeLiteral(end)}";

    /// <summary>Deletes the rows of <paramref name="target"/> in one batch window, before the batch is inserted.</summary>
    public virtual string DeleteWindow(string target, string column, DateTimeOffset start, DateTimeOffset end) =>
        $"delete from {target}\nwhere {EventTimeFilter(column, start, end)}";
}
