namespace ModelForge.Compiler.Targets;

// Statements of microbatch models (dbt 1.9): the window filter on upstream relations and the
// delete of one window before its batch is inserted. Bounds are UTC timestamp literals; the column
// is written as the event_time config gives it (an expression, as in dbt).
public abstract partial class TargetSql
{
    /// <summary>The condition that keeps the rows whose <paramref name="column"/> is in [start, end).</summary>
    public virtual string EventTimeFilter(string column, DateTimeOffset start, DateTimeOffset end) =>
        $"{column} >= {TimestampLiteral(start)} and {column} < {TimestampLiteral(end)}";

    /// <summary>Deletes the rows of <paramref name="target"/> in one batch window, before the batch is inserted.</summary>
    public virtual string DeleteWindow(string target, string column, DateTimeOffset start, DateTimeOffset end) =>
        $"delete from {target}\nwhere {EventTimeFilter(column, start, end)}";
}
