namespace ModelForge.Runner.Docs;

/// <summary>
/// Builds the site's search index at generate time: words of names, column names, descriptions
/// and SQL, lower-cased, split at anything but letters, digits and underscores.
/// </summary>
internal sealed class SearchIndexBuilder
{
    private const int MinLength = 2;
    private const int MaxLength = 48;

    private readonly Dictionary<string, Dictionary<int, SearchField>> _postings = new(StringComparer.Ordinal);

    public void Add(int document, SearchField field, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var span = text.AsSpan();
        Span<char> buffer = stackalloc char[MaxLength];
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !IsWordChar(span[i])) i++;
            var start = i;
            while (i < span.Length && IsWordChar(span[i])) i++;
            var length = i - start;
            if (length < MinLength || length > MaxLength) continue;
            var lowered = buffer[..length];
            span.Slice(start, length).ToLowerInvariant(lowered);
            var token = lowered.ToString();
            AddToken(token, document, field);
            // Names and columns are also found by their parts (stg_rides by "rides"); SQL is not, to keep the index small.
            if (field != SearchField.Sql && token.Contains('_'))
            {
                foreach (var part in token.Split('_', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part.Length >= MinLength) AddToken(part, document, field);
                }
            }
        }
    }

    private void AddToken(string token, int document, SearchField field)
    {
        if (!_postings.TryGetValue(token, out var documents))
        {
            documents = [];
            _postings[token] = documents;
        }
        documents[document] = documents.GetValueOrDefault(document) | field;
    }

    public SearchIndex Build()
    {
        var tokens = _postings.Keys.ToArray();
        Array.Sort(tokens, StringComparer.Ordinal);
        var postings = new int[tokens.Length][];
        for (var t = 0; t < tokens.Length; t++)
        {
            var documents = _postings[tokens[t]];
            var list = new int[documents.Count * 2];
            var i = 0;
            foreach (var (document, field) in documents.OrderBy(d => d.Key))
            {
                list[i++] = document;
                list[i++] = (int)field;
            }
            postings[t] = list;
        }
        return new SearchIndex(tokens, postings);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
