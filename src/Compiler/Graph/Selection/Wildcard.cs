namespace ModelForge.Compiler.Graph.Selection;

/// <summary>Shell-style matching as dbt's fnmatch: <c>*</c> any run of characters, <c>?</c> one character.</summary>
internal static class Wildcard
{
    public static bool Matches(string text, string pattern)
    {
        if (pattern.IndexOfAny(['*', '?']) < 0) return text == pattern;
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
