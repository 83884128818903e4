namespace ModelForge.Runner.Docs;

/// <summary>
/// An inverted index: <see cref="Tokens"/> sorted ordinally (so the page finds prefixes by binary
/// search) and, for each, the documents holding it as (document, <see cref="SearchField"/> mask) pairs.
/// </summary>
internal sealed record SearchIndex(string[] Tokens, int[][] Postings)
{
    /// <summary>Documents holding a token that starts with <paramref name="prefix"/>, with their fields.</summary>
    public Dictionary<int, SearchField> Find(string prefix)
    {
        var found = new Dictionary<int, SearchField>();
        var lo = 0;
        var hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(Tokens[mid], prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        for (var t = lo; t < Tokens.Length && Tokens[t].StartsWith(prefix, StringComparison.Ordinal); t++)
        {
            var postings = Postings[t];
            for (var i = 0; i < postings.Length; i += 2)
            {
                found[postings[i]] = found.GetValueOrDefault(postings[i]) | (SearchField)postings[i + 1];
            }
        }
        return found;
    }
}
