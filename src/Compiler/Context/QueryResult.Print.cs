using System.Text;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

public sealed partial class QueryResult
{
    /// <summary>Where <c>print_table()</c> writes; set by the render that handed the table to a template.</summary>
    internal Action<string>? Printer { get; set; }

    // agate's print_table(max_rows=20, max_columns=6, max_column_width=20): a pipe table of the first rows.
    private string PrintTable(CallArguments a)
    {
        const string usage = "table.print_table(max_rows=20, max_columns=6)";
        var maxRows = (int)Math.Max(0, Args.OptionalInt(a, 0, "max_rows", "print_table", usage) ?? 20);
        var maxColumns = (int)Math.Max(0, Args.OptionalInt(a, 1, "max_columns", "print_table", usage) ?? 6);
        var maxWidth = (int)Math.Max(4, Args.OptionalInt(a, 3, "max_column_width", "print_table", usage) ?? 20);
        Printer?.Invoke(Format(maxRows, maxColumns, maxWidth));
        return "";
    }

    internal string Format(int maxRows, int maxColumns, int maxWidth)
    {
        var columns = Math.Min(maxColumns, ColumnNames.Count);
        string Cell(object? value)
        {
            var text = value is null ? "" : TemplateValues.Str(value);
            return text.Length > maxWidth ? text[..(maxWidth - 3)] + "..." : text;
        }
        var header = ColumnNames.Take(columns).Select(Cell).ToList();
        if (columns < ColumnNames.Count) header.Add("...");
        var body = Rows.Take(maxRows).Select(r =>
        {
            var cells = Enumerable.Range(0, columns).Select(i => Cell(r[i])).ToList();
            if (columns < ColumnNames.Count) cells.Add("...");
            return cells;
        }).ToList();
        if (Rows.Count > maxRows) body.Add(header.Select(_ => "...").ToList());
        var widths = header.Select((h, i) => Math.Max(h.Length, body.Count == 0 ? 0 : body.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            sb.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).Append(" |\n");
        Line(header);
        sb.Append("| ").AppendJoin(" | ", widths.Select(w => new string('-', w))).Append(" |\n");
        foreach (var row in body) Line(row);
        return sb.ToString().TrimEnd('\n');
    }
}
