using System.Globalization;
using System.Text;

namespace ModelForge.Runner.Connections.DuckDb;

/// Recovers the character offset of an error from DuckDB's message. DuckDB appends
/// "LINE n: <excerpt>" and a caret line; the excerpt is at most ~80 display columns of line n,
/// cut with "..." on either side, and the caret counts display columns (wide characters take two).
/// We locate the excerpt in the SQL we sent and walk it to the caret's column.
internal static class ErrorPositionFinder
{
    private const string Ellipsis = "...";

    public static bool TryFind(string message, string sql, out int offset)
    {
        offset = 0;
        var lineMarker = message.LastIndexOf("\nLINE ", StringComparison.Ordinal);
        if (lineMarker < 0)
        {
            return false;
        }

        var numberStart = lineMarker + "\nLINE ".Length;
        var colon = message.IndexOf(": ", numberStart, StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(message.AsSpan(numberStart, colon - numberStart), NumberStyles.None, CultureInfo.InvariantCulture, out var lineNumber))
        {
            return false;
        }

        var excerptStart = colon + 2;
        var excerptEnd = message.IndexOf('\n', excerptStart);
        if (excerptEnd < 0)
        {
            return false;
        }

        var caretLineEnd = message.IndexOf('\n', excerptEnd + 1);
        var caretLine = caretLineEnd < 0 ? message[(excerptEnd + 1)..] : message[(excerptEnd + 1)..caretLineEnd];
        var caretColumn = caretLine.IndexOf('^');
        if (caretColumn < 0)
        {
            return false;
        }

        var excerpt = message[excerptStart..excerptEnd];
        var column = caretColumn - (excerptStart - lineMarker - 1);
        if (excerpt.StartsWith(Ellipsis, StringComparison.Ordinal))
        {
            excerpt = excerpt[Ellipsis.Length..];
            column -= Ellipsis.Length;
        }

        if (!TryFindLine(sql, lineNumber, out var lineStart, out var lineEnd))
        {
            return false;
        }

        var line = sql.AsSpan(lineStart, lineEnd - lineStart);
        var found = line.IndexOf(excerpt, StringComparison.Ordinal);
        if (found < 0 && excerpt.EndsWith(Ellipsis, StringComparison.Ordinal))
        {
            found = line.IndexOf(excerpt.AsSpan(0, excerpt.Length - Ellipsis.Length), StringComparison.Ordinal);
        }

        var position = lineStart + Math.Max(found, 0);
        offset = Math.Min(WalkColumns(sql, position, lineEnd, column), Math.Max(sql.Length - 1, 0));
        return true;
    }

    /// Line breaks are '\n', '\r' or "\r\n" (counted once), as DuckDB 1.5 numbers lines.
    private static bool TryFindLine(string sql, int lineNumber, out int start, out int end)
    {
        start = 0;
        var line = 1;
        for (var i = 0; i < sql.Length && line < lineNumber; i++)
        {
            if (sql[i] is '\n' or '\r')
            {
                if (sql[i] == '\r' && i + 1 < sql.Length && sql[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                start = i + 1;
            }
        }

        end = sql.Length;
        for (var i = start; i < sql.Length; i++)
        {
            if (sql[i] is '\n' or '\r')
            {
                end = i;
                break;
            }
        }

        return line == lineNumber;
    }

    private static int WalkColumns(string sql, int position, int lineEnd, int columns)
    {
        while (columns > 0 && position < lineEnd)
        {
            var rune = RuneAt(sql, position);
            columns -= DisplayWidth(rune);
            position += Math.Max(rune.Utf16SequenceLength, 1);

            // Combining marks belong to the preceding grapheme and take no column of their own.
            while (position < lineEnd && RuneAt(sql, position) is var next
                && Rune.GetUnicodeCategory(next) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                position += next.Utf16SequenceLength;
            }
        }

        return position;
    }

    private static Rune RuneAt(string text, int position)
    {
        // A lone surrogate decodes as U+FFFD of length 1, which keeps the walk moving.
        Rune.DecodeFromUtf16(text.AsSpan(position), out var rune, out _);
        return rune;
    }

    private static int DisplayWidth(Rune rune)
    {
        var value = rune.Value;
        var wide = value is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
