using System.Text;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// Compares expected and actual rows as multisets on the expected columns (dbt compares with
/// EXCEPT both ways; row order and extra actual columns never matter) and, when they differ, writes
/// them side by side: expected on the left, actual on the right, each expected row beside the actual
/// row most like it, differing cells in [brackets].
/// </summary>
internal static class UnitTestComparison
{
    public const string Missing = "(no such row)";

    /// <summary>Null when the rows match; else the readable diff.</summary>
    public static string? Diff(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> expected, IReadOnlyList<IReadOnlyList<string?>> actual) =>
        Diff(columns, expected, actual, out _);

    /// <param name="differing">Expected rows without an equal actual row plus actual rows without an equal expected one.</param>
    public static string? Diff(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> expected, IReadOnlyList<IReadOnlyList<string?>> actual,
        out int differing)
    {
        var unmatchedActual = actual.ToList();
        var unmatchedExpected = new List<IReadOnlyList<string?>>();
        foreach (var row in expected)
        {
            var at = unmatchedActual.FindIndex(a => Same(a, row) == row.Count);
            if (at >= 0) unmatchedActual.RemoveAt(at);
            else unmatchedExpected.Add(row);
        }
        differing = unmatchedExpected.Count + unmatchedActual.Count;
        if (differing == 0) return null;

        var pairs = new List<(IReadOnlyList<string?>? Expected, IReadOnlyList<string?>? Actual)>();
        foreach (var row in unmatchedExpected)
        {
            var best = -1;
            var bestScore = 0;
            for (var i = 0; i < unmatchedActual.Count; i++)
            {
                var score = Same(unmatchedActual[i], row);
                if (score > bestScore) (best, bestScore) = (i, score);
            }
            if (best < 0) pairs.Add((row, null));
            else
            {
                pairs.Add((row, unmatchedActual[best]));
                unmatchedActual.RemoveAt(best);
            }
        }
        pairs.AddRange(unmatchedActual.Select(a => ((IReadOnlyList<string?>?)null, (IReadOnlyList<string?>?)a)));
        return Format(columns, expected.Count, actual.Count, expected.Count - unmatchedExpected.Count, pairs);
    }

    private static int Same(IReadOnlyList<string?> a, IReadOnlyList<string?> b)
    {
        var same = 0;
        for (var i = 0; i < b.Count; i++) if (a[i] == b[i]) same++;
        return same;
    }

    private static string Format(IReadOnlyList<string> columns, int expectedCount, int actualCount, int matched,
        List<(IReadOnlyList<string?>? Expected, IReadOnlyList<string?>? Actual)> pairs)
    {
        var left = new List<string[]> { columns.ToArray() };
        var right = new List<string[]> { columns.ToArray() };
        foreach (var (e, a) in pairs)
        {
            left.Add(Cells(e, a, columns.Count));
            right.Add(Cells(a, e, columns.Count));
        }
        var leftWidths = Widths(left, columns.Count);
        var rightWidths = Widths(right, columns.Count);
        var text = new StringBuilder();
        text.Append($"actual rows differ from expected: {Plural(expectedCount, "expected row")}, {Plural(actualCount, "actual row")}, {matched} matched; ");
        text.Append("differing cells in [brackets]\n");
        var leftWidth = Line(left[0], leftWidths).Length;
        text.Append("    ").Append("expected".PadRight(leftWidth)).Append(" || actual\n");
        for (var i = 0; i < left.Count; i++)
        {
            text.Append("    ").Append(Line(left[i], leftWidths).PadRight(leftWidth)).Append(" || ").Append(Line(right[i], rightWidths).TrimEnd()).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string[] Cells(IReadOnlyList<string?>? row, IReadOnlyList<string?>? other, int count)
    {
        if (row is null) return [Missing, .. Enumerable.Repeat("", count - 1)];
        var cells = new string[count];
        for (var i = 0; i < count; i++)
        {
            var value = row[i] ?? "null";
            cells[i] = other is not null && other[i] != row[i] ? $"[{value}]" : value;
        }
        return cells;
    }

    private static int[] Widths(List<string[]> rows, int count)
    {
        var widths = new int[count];
        foreach (var row in rows)
        {
            // The "(no such row)" marker spans the whole side; it must not widen its first column.
            if (row[0] == Missing) continue;
            for (var i = 0; i < count; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }
        return widths;
    }

    private static string Line(string[] cells, int[] widths) =>
        cells[0] == Missing ? Missing : string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])));

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
