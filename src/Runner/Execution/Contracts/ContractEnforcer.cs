using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Contracts;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.Contracts;

/// <summary>
/// The pre-build half of a contract: describes the model's compiled query without running it,
/// compares the columns and types with the YAML, and stops the build with one table of every
/// difference. Runs for every materialization on every run (incremental ones included).
/// </summary>
internal static class ContractEnforcer
{
    /// <summary>
    /// The model's contract when enforced, after checking its query; null when the model has none.
    /// Throws <see cref="DiagnosticException"/> on a mismatch (nothing is built), lets a
    /// <see cref="System.Data.Common.DbException"/> from describing the query through (a SQL error in the model).
    /// </summary>
    public static ModelContract? Check(MaterializationContext context, ProjectNode node, ICollection<Diagnostic> warnings)
    {
        if (!node.Config.ContractEnforced) return null;
        var diagnostics = new DiagnosticBag();
        // Compile time already reported a malformed contract; reading again here is cheap and keeps this self-contained.
        if (ContractReader.Read(node, diagnostics) is not { } contract)
            throw new DiagnosticException(diagnostics.ToList().First(d => d.IsError));

        var described = Describe(context);
        var mismatches = ContractComparer.Compare(contract, described, context.Sql.NormalizeType);
        if (mismatches.Count > 0)
            throw new DiagnosticException(DiagnosticCodes.Contracts.ContractMismatch(node.Properties?.Span ?? node.DefinitionSpan, node.Name,
                mismatches.Count, ContractComparer.FormatTable(mismatches)));

        // Views get the column and type check only: a view has no constraints to enforce.
        if (node.Materialized == "view") return contract;
        contract = WithCreatedTypes(context, node, contract, described, warnings);
        foreach (var constraint in contract.Constraints.Where(c => c.Warn))
        {
            if (context.Sql.UnenforcedReason(constraint) is { } reason)
                warnings.Add(DiagnosticCodes.Contracts.ConstraintNotEnforced(constraint.Span, node.Name, constraint.Describe(), context.Sql.Type, reason));
        }
        return contract;
    }

    /// <summary>
    /// The contract with the types its table is created with: a type without length or precision
    /// takes them from the query where the target would otherwise default to a narrow one, and a
    /// numeric without precision is reported either way (as dbt does), so values are never rounded silently.
    /// </summary>
    private static ModelContract WithCreatedTypes(MaterializationContext context, ProjectNode node, ModelContract contract,
        IReadOnlyList<DescribedColumn> described, ICollection<Diagnostic> warnings)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in described) byName.TryAdd(column.Name, column.DataType);
        var columns = new List<ContractColumn>();
        foreach (var column in contract.Columns)
        {
            var created = context.Sql.ContractColumnType(column.DataType, byName.GetValueOrDefault(column.Name));
            if (Compiler.Targets.SqlServer.SqlServerSql.IsDecimalWithoutPrecision(column.DataType))
                warnings.Add(DiagnosticCodes.SqlServerTarget.NumericWithoutPrecision(column.Span, node.Name, column.Name, column.DataType,
                    context.Sql.ColumnType(created)));
            columns.Add(column with { DataType = created });
        }
        return contract with { Columns = columns };
    }

    private static List<DescribedColumn> Describe(MaterializationContext context)
    {
        var (name, type) = context.Sql.DescribeColumnOrdinals;
        var columns = new List<DescribedColumn>();
        foreach (var row in context.QueryRecorded(context.Sql.DescribeQuery(context.CompiledSql)))
            columns.Add(new DescribedColumn(Convert.ToString(row[name], System.Globalization.CultureInfo.InvariantCulture)!,
                Convert.ToString(row[type], System.Globalization.CultureInfo.InvariantCulture)!));
        return columns;
    }
}
