using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// The arguments of one call, as written: positional values in order, then keyword values in order
/// (after <c>*args</c> and <c>**kwargs</c> were spread), and the span of the call expression.
/// </summary>
public sealed class CallArguments(
    IReadOnlyList<object?> positional,
    IReadOnlyList<KeyValuePair<string, object?>> named,
    SourceSpan callSpan)
{
    public static readonly IReadOnlyList<KeyValuePair<string, object?>> NoNamed = [];

    public IReadOnlyList<object?> Positional { get; } = positional;

    public IReadOnlyList<KeyValuePair<string, object?>> Named { get; } = named;

    /// <summary>The call expression in its template, for error positions.</summary>
    public SourceSpan CallSpan { get; } = callSpan;

    /// <summary>
    /// The argument bound to a Python-style parameter: positional <paramref name="index"/> or keyword
    /// <paramref name="name"/>; <paramref name="found"/> is false when neither was given.
    /// </summary>
    public object? Get(int index, string name, out bool found)
    {
        if (index >= 0 && index < Positional.Count)
        {
            found = true;
            return Positional[index];
        }
        foreach (var (key, value) in Named)
        {
            if (key == name)
            {
                found = true;
                return value;
            }
        }
        found = false;
        return null;
    }

    public object? Get(int index, string name, object? defaultValue = null) =>
        Get(index, name, out var found) is var value && found ? value : defaultValue;
}
