namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Finds the known name closest to a misspelt one, for "did you mean" hints: edit distance,
/// case-insensitive, swapping two neighbours counting as one edit. The one implementation every
/// stage uses (refs, YAML keys, tags, filters, macro arguments…).
/// </summary>
internal static class NameSuggester
{
    /// <summary>
    /// The nearest candidate within an edit distance of a third of the name (at least
    /// <paramref name="minimumEdits"/>), or null.
    /// </summary>
    public static string? Nearest(string name, IEnumerable<string> candidates, int minimumEdits = 2)
    {
        string? best = null;
        var bestDistance = Math.Max(minimumEdits, name.Length / 3) + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    // Edit distance where swapping two neighbours counts as one edit ("fro" is one step from "for").
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
