using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// How the columns of an incremental model's new batch differ from its table, and what
/// on_schema_change makes of it: which DDL to run and which columns the batch inserts.
/// </summary>
internal sealed class SchemaChangePlan
{
    private SchemaChangePlan(string policy, IReadOnlyList<TableColumn> target, IReadOnlyList<TableColumn> batch, TargetSql? sql, bool contracted)
    {
        Policy = policy;
        Added = batch.Where(c => Find(target, c.Name) is null).ToList();
        Removed = target.Where(c => Find(batch, c.Name) is null).ToList();
        // A contracted table has the contract's types, which the contract check already compared
        // with the query's; a type the table holds (or is widened to) is not a change (dbt's can_expand_to).
        Widened = contracted || sql is null
            ? []
            : batch.Select(c => Find(target, c.Name) is { } t && sql.WidenedColumnType(t.DataType, c.DataType) is { } wider
                    ? new TableColumn(c.Name, wider) : null)
                .OfType<TableColumn>().ToList();
        Retyped = contracted
            ? []
            : batch.Where(c => Find(target, c.Name) is { } t && !string.Equals(t.DataType, c.DataType, StringComparison.OrdinalIgnoreCase)
                    && sql?.HoldsColumnType(t.DataType, c.DataType) != true && Find(Widened, c.Name) is null).ToList();
        // dbt: 'ignore' inserts the table's columns (a column the model dropped fails at the database);
        // the other policies insert the batch's columns, so a column the table keeps gets nulls.
        InsertColumns = (policy == "ignore" ? target : batch).Select(c => c.Name).ToList();
    }

    public string Policy { get; }

    public IReadOnlyList<TableColumn> Added { get; }

    public IReadOnlyList<TableColumn> Removed { get; }

    /// <summary>Columns of the batch whose type differs from the table's.</summary>
    public IReadOnlyList<TableColumn> Retyped { get; }

    public IReadOnlyList<string> InsertColumns { get; }

    /// <summary>Table columns widened to hold the batch (dbt's expand_target_column_types), whatever the policy; the new type.</summary>
    public IReadOnlyList<TableColumn> Widened { get; }

    public bool Changed => Added.Count > 0 || Removed.Count > 0 || Retyped.Count > 0;

    public bool Fails => Policy == "fail" && Changed;

    public static SchemaChangePlan Compare(IReadOnlyList<TableColumn> target, IReadOnlyList<TableColumn> batch, string policy,
        TargetSql? sql = null, bool contracted = false) =>
        new(policy, target, batch, sql, contracted);

    /// <summary>The DDL that brings the table in line with the batch, run in the same transaction as the data.</summary>
    public IEnumerable<string> Statements(TargetSql sql, string target)
    {
        foreach (var column in Widened) yield return sql.AlterColumnType(target, column.Name, column.DataType);
        if (Policy is not ("append_new_columns" or "sync_all_columns")) yield break;
        foreach (var column in Added) yield return sql.AddColumn(target, column.Name, column.DataType);
        if (Policy != "sync_all_columns")
        {
            // The table keeps the columns the batch dropped, and they get nulls from now on.
            foreach (var column in Removed)
                if (sql.AllowNulls(target, column.Name, column.DataType) is { } allow) yield return allow;
            yield break;
        }
        foreach (var column in Removed) yield return sql.DropColumn(target, column.Name);
        foreach (var column in Retyped) yield return sql.AlterColumnType(target, column.Name, column.DataType);
    }

    private static TableColumn? Find(IReadOnlyList<TableColumn> columns, string name) =>
        columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
