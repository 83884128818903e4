namespace ModelForge.Compiler.Project;

/// <summary>
/// One string for each short scalar text a thread's YAML files repeat: keys (<c>name</c>, <c>data_tests</c>), test
/// names, column names, refs. The project keeps what its schema files say until the command ends, so at 10,000 models
/// that is tens of thousands of strings fewer for every collection to copy.
/// </summary>
internal sealed class ScalarPool
{
    // Longer texts (descriptions) rarely repeat; a full table stops taking more, rather than grow without bound.
    private const int MaxLength = 64;
    private const int MaxEntries = 16_384;

    [ThreadStatic] private static ScalarPool? t_pool;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private ScalarPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The calling thread's pool: YAML files are read in parallel, and a pool is not thread-safe.</summary>
    public static ScalarPool ForThread => t_pool ??= new ScalarPool();

    /// <summary>The string of <paramref name="text"/>, shared with earlier equal ones when short.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength) return text.ToString();
        if (_bySpan.TryGetValue(text, out var known)) return known;
        var made = text.ToString();
        if (_strings.Count < MaxEntries) _strings.Add(made, made);
        return made;
    }
}
