using System.Globalization;
using System.Text;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// Describes the first difference between two texts by line, with whitespace made visible, so a
/// failing golden test says what changed without opening a diff tool.
/// </summary>
internal static class GoldenDiff
{
    private const int MaxShown = 160;
    private const int ContextBefore = 60;

    public static string Describe(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length &&
               expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var column = FirstDifference(At(expectedLines, line), At(actualLines, line));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"First difference at line {line + 1}, column {column + 1}:\n");
        text.Append("  expected: ").Append(Show(expectedLines, line, column)).Append('\n');
        text.Append("  actual:   ").Append(Show(actualLines, line, column)).Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"(expected {expected.Length} chars in {expectedLines.Length} lines, actual {actual.Length} chars in {actualLines.Length} lines)\n");
        text.Append("(· space, → tab, ␍ CR, ⏎ line break, ∎ end of text)");
        return text.ToString();
    }

    private static string? At(string[] lines, int index) => index < lines.Length ? lines[index] : null;

    private static int FirstDifference(string? a, string? b)
    {
        if (a is null || b is null) return 0;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static string Show(string[] lines, int index, int column)
    {
        if (index >= lines.Length) return $"<no line {index + 1}: the text has {lines.Length}>";
        var line = lines[index];
        var start = line.Length > MaxShown ? Math.Max(0, column - ContextBefore) : 0;
        var end = Math.Min(line.Length, start + MaxShown);
        var shown = new StringBuilder();
        if (start > 0) shown.Append('…');
        foreach (var c in line.AsSpan(start, end - start)) shown.Append(Visible(c));
        if (end < line.Length) shown.Append('…');
        shown.Append(index < lines.Length - 1 ? '⏎' : '∎');
        return shown.ToString();
    }

    private static string Visible(char c) => c switch
    {
        ' ' => "·",
        '\t' => "→",
        '\r' => "␍",
        '\u00A0' => "⍽",
        _ when char.IsControl(c) => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    };
}
