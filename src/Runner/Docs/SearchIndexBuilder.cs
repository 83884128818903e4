using ModelForge.Compiler.Compilation;
namespace ModelForge.Runner.Docs;

/// <summary>
/// Builds the site's search index at generate time: words of names, column names, descriptions
/// and SQL, lower-cased, split at anything but letters, digits and underscores. Documents may be
/// added in any order; adding them in ascending order (as the site does) keeps each posting list
/// append-only. Builders over disjoint documents can be filled in parallel and then built into one index.
/// </summary>
internal sealed class SearchIndexBuilder
{
    private const int MinLength = 2;
    private const int MaxLength = 48;

    private readonly Dictionary<string, List<(int Document, SearchField Fields)>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Document, SearchField Fields)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SearchIndexBuilder() => _lookup = _postings.GetAlternateLookup<ReadOnlySpan<char>>();

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
        if (!_lookup.TryGetValue(token, out var documents))
        {
            documents = [];
            _postings[token.ToString()] = documents;
        }
        if (documents.Count > 0 && documents[^1].Document == document) documents[^1] = (document, documents[^1].Fields | field);
        else documents.Add((document, field));
    }

    public SearchIndex Build() => Build([this]);

    /// <summary>
    /// The index of <paramref name="parts"/>, builders filled with disjoint documents (ascending from part to part, as
    /// the site fills them): each token's postings are those of the parts in turn. Tokens are flattened on every core.
    /// </summary>
    public static SearchIndex Build(IReadOnlyList<SearchIndexBuilder> parts) => Build(parts, []);

    /// <summary>
    /// The index of two sets of parts over the same documents, each set as <see cref="Build(IReadOnlyList{SearchIndexBuilder})"/>
    /// takes it (the site indexes every page's SQL in one set, its names and descriptions in the other): the same index
    /// as one builder given each document's words of both sets.
    /// </summary>
    public static SearchIndex Build(IReadOnlyList<SearchIndexBuilder> parts, IReadOnlyList<SearchIndexBuilder> more)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts) distinct.UnionWith(part._postings.Keys);
        foreach (var part in more) distinct.UnionWith(part._postings.Keys);
        var tokens = new string[distinct.Count];
        distinct.CopyTo(tokens);
        Array.Sort(tokens, StringComparer.Ordinal);
        var postings = new int[tokens.Length][];
        ParallelLoop.For(tokens.Length, t =>
        {
            var first = Joined(parts, tokens[t]);
            var second = Joined(more, tokens[t]);
            postings[t] = second is null ? Flatten(first!) : first is null ? Flatten(second) : Flatten(first, second);
        });
        return new SearchIndex(tokens, postings);
    }

    // A token's postings in parts, one part's after another's; null when no part has it.
    private static List<(int Document, SearchField Fields)>? Joined(IReadOnlyList<SearchIndexBuilder> parts, string token)
    {
        List<(int Document, SearchField Fields)>? documents = null;
        var copied = false;
        foreach (var part in parts)
        {
            if (!part._postings.TryGetValue(token, out var more)) continue;
            if (documents is null)
            {
                documents = more;
                continue;
            }
            // A token in several parts: their postings one after another, in a list of its own (the parts' stay as they were).
            if (!copied) documents = [.. documents];
            copied = true;
            documents.AddRange(more);
        }
        return documents;
    }

    // Two lists of one token's postings, flattened as their concatenation would be: a document in both once, its
    // fields combined. Lists in ascending order (the site's) are merged as they stand; others are sorted by Flatten.
    private static int[] Flatten(List<(int Document, SearchField Fields)> first, List<(int Document, SearchField Fields)> second)
    {
        if (!Ascending(first) || !Ascending(second)) return Flatten([.. first, .. second]);
        var distinct = first.Count + second.Count;
        for (int i = 0, j = 0; i < first.Count && j < second.Count;)
        {
            if (first[i].Document < second[j].Document) i++;
            else if (first[i].Document > second[j].Document) j++;
            else
            {
                distinct--;
                i++;
                j++;
            }
        }
        var flat = new int[distinct * 2];
        var at = 0;
        for (int i = 0, j = 0; i < first.Count || j < second.Count;)
        {
            (int Document, SearchField Fields) next;
            if (j == second.Count || (i < first.Count && first[i].Document < second[j].Document)) next = first[i++];
            else if (i == first.Count || second[j].Document < first[i].Document) next = second[j++];
            else
            {
                next = (first[i].Document, first[i].Fields | second[j].Fields);
                i++;
                j++;
            }
            flat[at++] = next.Document;
            flat[at++] = (int)next.Fields;
        }
        return flat;
    }

    private static bool Ascending(List<(int Document, SearchField Fields)> documents)
    {
        for (var i = 1; i < documents.Count; i++)
        {
            if (documents[i - 1].Document >= documents[i].Document) return false;
        }
        return true;
    }

    // Document, fields, document, fields... in document order. Documents added in ascending order
    // (the site's way, chunks merged in order) are already sorted and distinct: no sort, one copy.
    private static int[] Flatten(List<(int Document, SearchField Fields)> documents)
    {
        var ordered = true;
        for (var i = 1; i < documents.Count && ordered; i++) ordered = documents[i - 1].Document < documents[i].Document;
        if (!ordered) documents.Sort((a, b) => a.Document.CompareTo(b.Document));
        var distinct = documents.Count;
        for (var i = 1; i < documents.Count; i++)
        {
            if (documents[i - 1].Document == documents[i].Document) distinct--;
        }
        var flat = new int[distinct * 2];
        var at = 0;
        foreach (var (document, field) in documents)
        {
            // Out-of-order adds can leave a document twice: one entry, fields combined.
            if (at > 0 && flat[at - 2] == document) flat[at - 1] |= (int)field;
            else
            {
                flat[at++] = document;
                flat[at++] = (int)field;
            }
        }
        return flat;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
