namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// The text of one project file with its line starts, so that offsets become 1-based line and
/// column numbers and an error can show the offending line.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;
    private string? _sha256;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as shown to the user: relative to the project root, with '/' separators.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>
    /// SHA-256 of the text as UTF-8 (lowercase hex), computed once: the manifest's checksum and the
    /// compile cache's key both take it, so a template's text is hashed once per command.
    /// </summary>
    public string Sha256 => _sha256 ??= Caching.ContentHash.Sha256Hex(Text);

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>1-based line and column of a 0-based offset; an offset past the end maps to the end.</summary>
    public (int Line, int Column) GetLineColumn(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var starts = LineStarts;
        var index = Array.BinarySearch(starts, offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - starts[index] + 1);
    }

    /// <summary>0-based offset of a 1-based line and column; out-of-range values are clamped.</summary>
    public int GetOffset(int line, int column)
    {
        var starts = LineStarts;
        line = Math.Clamp(line, 1, starts.Length);
        return Math.Min(starts[line - 1] + Math.Max(column, 1) - 1, Text.Length);
    }

    /// <summary>The text of a 1-based line without its line break; empty when out of range.</summary>
    public string GetLine(int line)
    {
        var starts = LineStarts;
        if (line < 1 || line > starts.Length) return string.Empty;
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    public int LineCount => LineStarts.Length;

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        return starts.ToArray();
    }
}
