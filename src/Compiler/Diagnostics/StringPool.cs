namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// One string for each text a thread reads again and again: names and literals of templates, scalars of schema
/// YAML, the render's input keys. What a project's files say is kept until the command ends, so at 10,000 models
/// sharing them is tens of thousands of strings fewer for every collection to copy. Not thread-safe: each user keeps
/// one per thread.
/// </summary>
internal sealed class StringPool(int maxLength, int maxEntries)
{
    // Longer texts (descriptions) rarely repeat; a full table stops taking more, rather than grow without bound.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The string of <paramref name="text"/>, shared with earlier equal ones when at most maxLength long.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > maxLength) return text.ToString();
        if (_strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known)) return known;
        var made = text.ToString();
        if (_strings.Count < maxEntries) _strings.Add(made, made);
        return made;
    }
}
