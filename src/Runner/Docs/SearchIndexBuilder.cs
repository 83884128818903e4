namespace ModelForge.Runner.Docs;

/// <summary>
/// Builds the site's search index at generate time: words of names, column names, descriptions
/// and SQL, lower-cased, split at anything but letters, digits and underscores. Documents may be
/// added in any order; adding them in ascending order (as the site does) keeps each token's postings
/// in order. Builders over disjoint documents can be filled in parallel and then merged.
/// </summary>
internal sealed partial class SearchIndexBuilder
{
    private const int MinLength = 2;
    private const int MaxLength = 48;

    private readonly TokenTable _tokens = new();
    // Postings in the order they came, as (token, document, fields) triples in one array rather than a list per token:
    // at 10,000 models there are ~100,000 tokens per builder, most seen in a document or two.
    private int[] _postings = new int[3 * 4096];
    private int _length;
    // Per token, where its latest posting starts: a token seen again in that document adds its field there.
    private int[] _latest = new int[TokenTable.InitialCapacity];

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
            AddToken(lowered, document, field);
            // Names and columns are also found by their parts (stg_rides by "rides"); SQL is not, to keep the index small.
            if (field != SearchField.Sql && lowered.Contains('_'))
            {
                foreach (var range in lowered.Split('_'))
                {
                    var part = lowered[range];
                    if (part.Length >= MinLength) AddToken(part, document, field);
                }
            }
        }
    }

    private void AddToken(ReadOnlySpan<char> token, int document, SearchField field)
    {
        // Looked up by span, so a word already seen allocates nothing.
        var id = TokenId(token, null);
        var latest = _latest[id];
        if (latest >= 0 && _postings[latest + 1] == document) _postings[latest + 2] |= (int)field;
        else Append(id, document, (int)field);
    }

    /// <summary>Takes in the postings of a builder filled with other documents.</summary>
    public void Merge(SearchIndexBuilder other)
    {
        var ids = new int[other._tokens.Count];
        for (var t = 0; t < ids.Length; t++) ids[t] = TokenId(other._tokens[t], other._tokens[t]);
        for (var i = 0; i < other._length; i += 3) Append(ids[other._postings[i]], other._postings[i + 1], other._postings[i + 2]);
    }

    public SearchIndex Build()
    {
        // Each token's postings gathered together (document in the high half, fields in the low), in the order they came.
        var count = _tokens.Count;
        var starts = new int[count + 1];
        for (var i = 0; i < _length; i += 3) starts[_postings[i] + 1]++;
        for (var t = 0; t < count; t++) starts[t + 1] += starts[t];
        var next = starts[..count];
        var gathered = new long[_length / 3];
        for (var i = 0; i < _length; i += 3) gathered[next[_postings[i]]++] = (long)_postings[i + 1] << 32 | (uint)_postings[i + 2];

        var tokens = new string[count];
        for (var t = 0; t < count; t++) tokens[t] = _tokens[t];
        Array.Sort(tokens, StringComparer.Ordinal);
        var postings = new int[count][];
        for (var k = 0; k < count; k++)
        {
            var t = TokenId(tokens[k], tokens[k]);
            postings[k] = Flatten(gathered.AsSpan(starts[t], starts[t + 1] - starts[t]));
        }
        return new SearchIndex(tokens, postings);
    }

    // Document, fields, document, fields... in document order. Documents added in ascending order
    // (the site's way, chunks merged in order) are already sorted and distinct: no sort, one copy.
    private static int[] Flatten(Span<long> postings)
    {
        var ordered = true;
        for (var i = 1; i < postings.Length && ordered; i++) ordered = postings[i - 1] >> 32 < postings[i] >> 32;
        if (!ordered) postings.Sort();
        var distinct = postings.Length;
        for (var i = 1; i < postings.Length; i++)
        {
            if (postings[i - 1] >> 32 == postings[i] >> 32) distinct--;
        }
        var flat = new int[distinct * 2];
        var at = 0;
        foreach (var posting in postings)
        {
            var document = (int)(posting >> 32);
            // Out-of-order adds can leave a document twice: one entry, fields combined.
            if (at > 0 && flat[at - 2] == document) flat[at - 1] |= (int)posting;
            else
            {
                flat[at++] = document;
                flat[at++] = (int)posting;
            }
        }
        return flat;
    }

    private int TokenId(ReadOnlySpan<char> token, string? text)
    {
        var id = _tokens.IdOf(token, text, out var added);
        if (!added) return id;
        if (id == _latest.Length) Array.Resize(ref _latest, _latest.Length * 2);
        _latest[id] = -1;
        return id;
    }

    private void Append(int token, int document, int fields)
    {
        if (_length + 3 > _postings.Length) Array.Resize(ref _postings, _postings.Length * 2);
        _latest[token] = _length;
        _postings[_length++] = token;
        _postings[_length++] = document;
        _postings[_length++] = fields;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
