namespace ModelForge.Runner.Connections.DuckDb;

/// Splits SQL text at top-level semicolons, skipping those inside quotes ('…', E'…', "…",
/// $tag$…$tag$) and comments (--, nested /* */). Each statement keeps its offset in the
/// original text so that DuckDB's error positions, which are relative to the text it was given,
/// map back to the whole command. Pieces holding only whitespace and comments are dropped.
internal static class StatementSplitter
{
    public static List<(int Start, int Length)> Split(string sql)
    {
        var statements = new List<(int Start, int Length)>();
        var start = 0;
        var hasCode = false;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                i = SkipLineComment(sql, i);
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else if (c == ';')
            {
                Add(statements, sql, start, i, hasCode);
                start = i + 1;
                hasCode = false;
                i++;
            }
            else
            {
                if (!char.IsWhiteSpace(c))
                {
                    hasCode = true;
                }

                i = c switch
                {
                    '\'' => SkipQuoted(sql, i, '\'', backslashEscapes: i > 0 && sql[i - 1] is 'E' or 'e' && (i < 2 || !IsIdentifierChar(sql[i - 2]))),
                    '"' => SkipQuoted(sql, i, '"', backslashEscapes: false),
                    '$' => SkipDollarQuoted(sql, i),
                    _ => i + 1,
                };
            }
        }

        Add(statements, sql, start, sql.Length, hasCode);
        return statements;
    }

    private static void Add(List<(int Start, int Length)> statements, string sql, int start, int end, bool hasCode)
    {
        if (!hasCode)
        {
            return;
        }

        while (start < end && char.IsWhiteSpace(sql[start]))
        {
            start++;
        }

        statements.Add((start, end - start));
    }

    private static int SkipLineComment(string sql, int i)
    {
        var end = sql.IndexOf('\n', i);
        return end < 0 ? sql.Length : end + 1;
    }

    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    /// A doubled quote inside the literal reads as two adjacent literals, which splits the same.
    private static int SkipQuoted(string sql, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    /// $tag$ opens a dollar-quoted string only where a tag can start; $1 and $name are parameters.
    private static int SkipDollarQuoted(string sql, int i)
    {
        if (i > 0 && IsIdentifierChar(sql[i - 1]))
        {
            return i + 1;
        }

        var tagEnd = i + 1;
        if (tagEnd < sql.Length && (char.IsLetter(sql[tagEnd]) || sql[tagEnd] == '_'))
        {
            while (tagEnd < sql.Length && IsIdentifierChar(sql[tagEnd]))
            {
                tagEnd++;
            }
        }

        if (tagEnd >= sql.Length || sql[tagEnd] != '$')
        {
            return i + 1;
        }

        var tag = sql.Substring(i, tagEnd - i + 1);
        var close = sql.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
        return close < 0 ? sql.Length : close + tag.Length;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
