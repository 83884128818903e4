using System.Text;

namespace ModelForge.Compiler.Contracts;

/// <summary>
/// Compares a query's described columns with its contract. Names match case-insensitively (both
/// targets fold unquoted identifiers); order does not matter, because the table is filled by
/// selecting the columns in contract order.
/// </summary>
public static class ContractComparer
{
    public static IReadOnlyList<ContractMismatch> Compare(ModelContract contract, IReadOnlyList<DescribedColumn> query,
        Func<string, DataType> normalize)
    {
        var mismatches = new List<ContractMismatch>();
        var byName = new Dictionary<string, DescribedColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in query) byName.TryAdd(column.Name, column);
        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in contract.Columns)
        {
            declared.Add(column.Name);
            if (!byName.TryGetValue(column.Name, out var actual))
            {
                mismatches.Add(new ContractMismatch(column.Name, MismatchKind.MissingInQuery, null, column.DataType));
                continue;
            }
            if (!normalize(column.DataType).Accepts(normalize(actual.DataType)))
                mismatches.Add(new ContractMismatch(column.Name, MismatchKind.DataTypeMismatch, actual.DataType, column.DataType));
        }
        foreach (var column in query.Where(c => !declared.Contains(c.Name)))
            mismatches.Add(new ContractMismatch(column.Name, MismatchKind.MissingInContract, column.DataType, null));
        return mismatches;
    }

    /// <summary>dbt's table of mismatches: column, type in the query ("definition"), type in the contract, reason.</summary>
    public static string FormatTable(IReadOnlyList<ContractMismatch> mismatches)
    {
        string[] header = ["column_name", "definition_type", "contract_type", "mismatch_reason"];
        var rows = mismatches.Select(m => new[] { m.Column, m.QueryType ?? "", m.ContractType ?? "", m.Reason }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var builder = new StringBuilder();
        void Row(IReadOnlyList<string> cells) =>
            builder.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).Append(" |\n");
        Row(header);
        Row(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows) Row(row);
        return builder.ToString().TrimEnd('\n');
    }
}
