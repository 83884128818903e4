namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// A table model: the compiled SELECT (or an enforced contract's DDL plus insert) built under a
/// helper name and swapped in atomically (<see cref="TableSwap"/>).
/// </summary>
internal static class TableMaterialization
{
    public static long? Build(MaterializationContext context)
    {
        var sql = context.Sql;
        var rows = TableSwap.Replace(context, temp =>
        {
            // An enforced contract creates the table from its column definitions and constraints, then fills it.
            var written = context.Contract is { } contract
                ? Contracts.ContractTable.Create(context, temp, contract)
                : context.Execute(sql.CreateTableAs(context.Database, context.Schema, temp, context.CompiledSql));
            foreach (var option in sql.TableOptions(context.Database, context.Schema, temp, context.Config)) context.Execute(option);
            return written;
        }, queriesAfterFailure: context.Contract is not null);
        return rows >= 0 ? rows : null;
    }
}
