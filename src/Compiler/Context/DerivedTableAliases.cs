namespace ModelForge.Compiler.Context;

/// <summary>
/// The aliases forge gives the subqueries a ref or source renders as on targets that need derived
/// tables named (<c>--empty</c>'s <c>_dbt_limit_subq_x</c>, a microbatch filter's
/// <c>_dbt_et_filter_subq_x</c>). A model that aliases the ref itself (<c>from {{ ref('x') }} o</c>)
/// would get two aliases, which T-SQL rejects; there the generated one is blanked out with spaces,
/// so every offset (and the error positions mapped through them) stays where it was.
/// </summary>
internal static class DerivedTableAliases
{
    private static readonly string[] Prefixes = ["_dbt_limit_subq", "_dbt_et_filter_subq_"];

    // Words that may follow a table source and are not an alias of it.
    private static readonly HashSet<string> FollowingKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "join", "inner", "left", "right", "full", "cross", "outer", "natural", "on", "using", "group", "order", "having",
        "union", "except", "intersect", "with", "option", "for", "pivot", "unpivot", "tablesample", "window", "qualify", "limit",
        "offset", "fetch", "into", "when", "then", "else", "end", "select", "set", "values", "returning", "lateral", "positional", "asof", "anti", "semi",
    };

    public static string BlankWhereAliased(string sql)
    {
        if (!sql.Contains("_dbt_", StringComparison.Ordinal)) return sql;
        char[]? text = null;
        foreach (var prefix in Prefixes)
        {
            var at = 0;
            while ((at = sql.IndexOf(prefix, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + prefix.Length;
                while (end < sql.Length && IsWordChar(sql[end])) end++;
                // Only the alias forge wrote: it directly follows the subquery's closing parenthesis.
                var before = at - 1;
                while (before >= 0 && sql[before] == ' ') before--;
                if (before >= 0 && sql[before] == ')' && FollowedByAlias(sql, end))
                {
                    text ??= sql.ToCharArray();
                    for (var i = at; i < end; i++) text[i] = ' ';
                }
                at = end;
            }
        }
        return text is null ? sql : new string(text);
    }

    private static bool FollowedByAlias(string sql, int at)
    {
        while (at < sql.Length && char.IsWhiteSpace(sql[at])) at++;
        if (at >= sql.Length) return false;
        if (sql[at] is '[' or '"' or '`') return true;
        var start = at;
        while (at < sql.Length && IsWordChar(sql[at])) at++;
        if (at == start || char.IsAsciiDigit(sql[start])) return false;
        var word = sql[start..at];
        return string.Equals(word, "as", StringComparison.OrdinalIgnoreCase) || !FollowingKeywords.Contains(word);
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
