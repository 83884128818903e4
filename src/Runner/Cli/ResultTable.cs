using System.Data.Common;
using System.Globalization;
using System.Text;

namespace ModelForge.Runner.Cli;

/// <summary>Prints query rows as an aligned text table (dbt show's format).</summary>
internal static class ResultTable
{
    private const int MaxWidth = 40;

    public static void Write(TextWriter output, DbDataReader reader)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[names.Length];
            for (var i = 0; i < row.Length; i++) row[i] = Cell(reader.IsDBNull(i) ? null : Execution.DbNumbers.Widen(Connections.DuckDb.DuckDbValues.Read(reader, i)));
            rows.Add(row);
        }
        var widths = names.Select((n, i) => Math.Min(MaxWidth, Math.Max(n.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length)))).ToArray();
        output.WriteLine(Line(names, widths));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
        if (rows.Count == 0) output.WriteLine("(no rows)");
    }

    private static string Line(string[] cells, int[] widths)
    {
        var text = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) text.Append(" | ");
            var cell = cells[i].Length > widths[i] ? cells[i][..(widths[i] - 1)] + "…" : cells[i];
            text.Append(cell.PadRight(widths[i]));
        }
        return text.ToString().TrimEnd();
    }

    private static string Cell(object? value) => value switch
    {
        null => "NULL",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Replace('\n', ' ') ?? "",
    };
}
