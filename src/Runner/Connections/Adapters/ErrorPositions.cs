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
        Find(RunnerAdapters.Classify(exception, statement), statement, sql, find);

    public static SourceSpan? Find(WarehouseError error, string statement, string sql, Func<int, SourceSpan?> find)
    {
        if (error.Offset is { } position)
        {
            var start = statement.IndexOf(sql, StringComparison.Ordinal);
            var offset = position - start;
            return start >= 0 && offset >= 0 && offset <= sql.Length ? find(offset) : null;
        }
        return error.Line is { } line ? FindLine(line, statement, sql, find) : null;
    }

    // A line of the statement: the same line of the model's SQL, counted from where the SQL starts.
    // The SQL may sit in a string literal (dynamic SQL such as SQL Server's EXEC N'...') with its
    // quotes doubled; doubling keeps every line break, so the count still holds.
    private static SourceSpan? FindLine(int line, string statement, string sql, Func<int, SourceSpan?> find)
    {
        var start = statement.IndexOf(sql, StringComparison.Ordinal);
        if (start < 0) start = statement.IndexOf(sql.Replace("'", "''", StringComparison.Ordinal), StringComparison.Ordinal);
        if (start < 0) return null;
        var firstLine = 1 + statement.AsSpan(0, start).Count('\n');
        if (line < firstLine || LineStart(sql, line - firstLine + 1) is not { } lineStart) return null;
        return find(FirstToken(sql, lineStart));
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
