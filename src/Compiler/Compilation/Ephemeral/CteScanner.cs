namespace ModelForge.Compiler.Compilation.Ephemeral;

/// <summary>
/// Just enough SQL lexing to find a statement's leading <c>WITH</c> and split its CTE list:
/// skips whitespace, <c>--</c> and <c>/* */</c> comments, string literals and quoted identifiers,
/// and matches parentheses. Anything it does not understand makes it give up (null), never guess.
/// </summary>
internal static class CteScanner
{
    /// <summary>Where the CTE list of a leading <c>WITH [RECURSIVE]</c> starts, or -1 when the SQL has none.</summary>
    public static int CteListStart(string sql)
    {
        var at = SkipTrivia(sql, 0);
        if (!Keyword(sql, at, "with")) return -1;
        at = SkipTrivia(sql, at + 4);
        if (Keyword(sql, at, "recursive")) at = SkipTrivia(sql, at + 9);
        return at;
    }

    /// <summary>
    /// Splits <c>WITH a AS (...), b AS (...) select ...</c> into its CTE definitions (start and length
    /// of each <c>a AS (...)</c>) and where the main query starts; null when the SQL has no leading
    /// WITH or cannot be read.
    /// </summary>
    public static (IReadOnlyList<(int Start, int Length)> Ctes, int QueryStart)? Split(string sql)
    {
        var at = CteListStart(sql);
        if (at < 0) return null;
        var ctes = new List<(int, int)>();
        while (true)
        {
            var start = at;
            at = SkipName(sql, at);
            if (at < 0) return null;
            at = SkipTrivia(sql, at);
            if (at < sql.Length && sql[at] == '(') at = SkipTrivia(sql, SkipParens(sql, at));
            if (at < 0 || !Keyword(sql, at, "as")) return null;
            at = SkipTrivia(sql, at + 2);
            if (Keyword(sql, at, "not")) at = SkipTrivia(sql, at + 3);
            if (Keyword(sql, at, "materialized")) at = SkipTrivia(sql, at + 12);
            if (at >= sql.Length || sql[at] != '(') return null;
            at = SkipParens(sql, at);
            if (at < 0) return null;
            ctes.Add((start, at - start));
            at = SkipTrivia(sql, at);
            if (at < sql.Length && sql[at] == ',')
            {
                at = SkipTrivia(sql, at + 1);
                continue;
            }
            return (ctes, at);
        }
    }

    public static int SkipTrivia(string sql, int at)
    {
        while (at < sql.Length)
        {
            if (char.IsWhiteSpace(sql[at])) at++;
            else if (At(sql, at, "--")) at = LineEnd(sql, at);
            else if (At(sql, at, "/*"))
            {
                var end = sql.IndexOf("*/", at + 2, StringComparison.Ordinal);
                at = end < 0 ? sql.Length : end + 2;
            }
            else break;
        }
        return at;
    }

    /// <summary>The offset after the parenthesis that closes the one at <paramref name="open"/>, or -1.</summary>
    public static int SkipParens(string sql, int open)
    {
        var depth = 0;
        var at = open;
        while (at < sql.Length)
        {
            var c = sql[at];
            if (c is '\'' or '"' or '[' or '`') at = SkipQuoted(sql, at);
            else if (At(sql, at, "--")) at = LineEnd(sql, at);
            else if (At(sql, at, "/*"))
            {
                var end = sql.IndexOf("*/", at + 2, StringComparison.Ordinal);
                if (end < 0) return -1;
                at = end + 2;
            }
            else
            {
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) return at + 1;
                at++;
            }
            if (at < 0) return -1;
        }
        return -1;
    }

    private static int SkipName(string sql, int at)
    {
        if (at >= sql.Length) return -1;
        if (sql[at] is '"' or '[' or '`') return SkipQuoted(sql, at);
        var start = at;
        while (at < sql.Length && (char.IsLetterOrDigit(sql[at]) || sql[at] == '_')) at++;
        return at > start ? at : -1;
    }

    private static int SkipQuoted(string sql, int at)
    {
        var close = sql[at] == '[' ? ']' : sql[at];
        at++;
        while (at < sql.Length)
        {
            if (sql[at] == close)
            {
                // A doubled quote is an escaped one.
                if (at + 1 < sql.Length && sql[at + 1] == close) at += 2;
                else return at + 1;
            }
            else at++;
        }
        return -1;
    }

    private static int LineEnd(string sql, int at)
    {
        var end = sql.IndexOf('\n', at);
        return end < 0 ? sql.Length : end + 1;
    }

    private static bool At(string sql, int at, string text) => string.CompareOrdinal(sql, at, text, 0, text.Length) == 0;

    private static bool Keyword(string sql, int at, string word) =>
        at + word.Length <= sql.Length
        && string.Compare(sql, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (at + word.Length == sql.Length || !(char.IsLetterOrDigit(sql[at + word.Length]) || sql[at + word.Length] == '_'));
}
