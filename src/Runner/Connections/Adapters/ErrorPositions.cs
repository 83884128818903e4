using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Connections.Adapters;

/// <summary>
/// Maps where a warehouse located an error in the statement it ran back to the model's template,
/// for every warehouse alike: the model's SQL is found inside the statement (the DDL around it
/// comes from ModelForge), and an offset into that SQL goes through the template source map.
/// </summary>
internal static class ErrorPositions
{
    /// <summary>
    /// The template position of <paramref name="exception"/> when its warehouse gave a position
    /// inside <paramref name="sql"/> as embedded in <paramref name="statement"/>; null otherwise.
    /// <paramref name="find"/> maps an offset of <paramref name="sql"/> to the template.
    /// </summary>
    public static SourceSpan? Find(Exception exception, string statement, string sql, Func<int, SourceSpan?> find) =>
        Find(RunnerAdapters.Classify(exception), statement, sql, find);

    public static SourceSpan? Find(WarehouseError error, string statement, string sql, Func<int, SourceSpan?> find)
    {
        var start = statement.IndexOf(sql, StringComparison.Ordinal);
        if (start < 0) return null;
        int offset;
        if (error.Offset is { } position) offset = position - start;
        else if (error.Line is { } line && LineStart(statement, line) is { } lineStart) offset = FirstToken(statement, Math.Max(lineStart, start)) - start;
        else return null;
        return offset >= 0 && offset <= sql.Length ? find(offset) : null;
    }

    /// <summary>Offset of the first character of 1-based <paramref name="line"/>; null past the end.</summary>
    private static int? LineStart(string text, int line)
    {
        var at = 0;
        for (var current = 1; current < line; current++)
        {
            var newline = text.IndexOf('\n', at);
            if (newline < 0) return null;
            at = newline + 1;
        }
        return at;
    }

    // SQL Server gives no column: point at the line's first token rather than its indentation.
    private static int FirstToken(string text, int at)
    {
        var i = at;
        while (i < text.Length && text[i] is ' ' or '\t' or '\r') i++;
        return i < text.Length && text[i] != '\n' ? i : at;
    }
}
