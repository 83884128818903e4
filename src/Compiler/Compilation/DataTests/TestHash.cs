using System.Buffers;
using System.Collections;
using System.Text;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// The suffix of a generic test's unique id (<c>test.shop.unique_orders_id.a1b2c3d4e5</c>): the
/// last 10 hex digits of the md5 of the test's name followed by Python's repr of its
/// <c>test_metadata</c>, in which every dict is sorted by key and every scalar is replaced by its
/// str(), as dbt's <c>get_hashable_md</c> does. Two tests with the same name and different
/// arguments therefore get different ids, and the same test gets dbt's id.
/// </summary>
internal static class TestHash
{
    private const int Length = 10;

    // One builder per thread, reused: tests are hashed by thousands from the parallel parse loop.
    [ThreadStatic]
    private static StringBuilder? _text;

    /// <param name="name">The test node's name (the full generated name, or the user's <c>name:</c>).</param>
    /// <param name="testName">The test without namespace (<c>unique</c>).</param>
    /// <param name="testNamespace">The namespace (<c>dbt_utils</c>), or null.</param>
    /// <param name="kwargs">The test's kwargs as dbt stores them: arguments, column_name and model.</param>
    public static string Of(string name, string testName, string? testNamespace, IReadOnlyDictionary<string, object?> kwargs)
    {
        // The metadata dict's keys in sorted order: kwargs, name, namespace.
        var text = _text ??= new StringBuilder(512);
        text.Clear().Append(name);
        text.Append("{'kwargs': ");
        AppendHashable(text, kwargs);
        text.Append(", 'name': ");
        PythonText.AppendString(text, testName);
        text.Append(", 'namespace': ");
        PythonText.AppendString(text, PythonText.Str(testNamespace));
        text.Append('}');
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, chars, text.Length);
            return Md5.HexOf(chars.AsSpan(0, text.Length))[^Length..];
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            // A test with huge arguments does not pin a huge builder to the thread.
            if (text.Capacity > 16 * 1024) _text = null;
        }
    }

    // Writes repr(get_hashable_md(value)) straight away: dicts sorted by key, scalars as their str().
    private static void AppendHashable(StringBuilder text, object? value)
    {
        switch (value)
        {
            // The kwargs: enumerated without boxing an enumerator (same entries as the case below).
            case Dictionary<string, object?> map:
                var mapEntries = new (string Key, object? Value)[map.Count];
                var count = 0;
                foreach (var (key, item) in map) mapEntries[count++] = (key, item);
                AppendSorted(text, mapEntries, count);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                var entries = new (string Key, object? Value)[4];
                var added = 0;
                foreach (var (key, item) in pairs)
                {
                    if (added == entries.Length)
                    {
                        var larger = new (string Key, object? Value)[added * 2];
                        Array.Copy(entries, larger, added);
                        entries = larger;
                    }
                    entries[added++] = (key, item);
                }
                AppendSorted(text, entries, added);
                break;
            case IDictionary dictionary:
                var keyed = new (string Key, object? Value)[dictionary.Count];
                var kept = 0;
                foreach (DictionaryEntry entry in dictionary) keyed[kept++] = (PythonText.Str(entry.Key), entry.Value);
                AppendSorted(text, keyed, kept);
                break;
            case string scalar:
                PythonText.AppendString(text, scalar);
                break;
            case IList list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    AppendHashable(text, list[i]);
                }
                text.Append(']');
                break;
            default:
                PythonText.AppendString(text, PythonText.Str(value));
                break;
        }
    }

    // Arrays of pairs, not lists: a list of a tuple has no precompiled code for some of its methods (compiled at run time).
    private static void AppendSorted(StringBuilder text, (string Key, object? Value)[] entries, int count)
    {
        // Insertion sort (a test has a handful of arguments) is stable: a pair list with a repeated
        // key keeps its order, as Python's sorted() does.
        for (var i = 1; i < count; i++)
        {
            var moving = entries[i];
            var j = i - 1;
            for (; j >= 0 && string.CompareOrdinal(entries[j].Key, moving.Key) > 0; j--) entries[j + 1] = entries[j];
            entries[j + 1] = moving;
        }
        text.Append('{');
        var first = true;
        for (var i = 0; i < count; i++)
        {
            var (key, item) = entries[i];
            if (!first) text.Append(", ");
            first = false;
            PythonText.AppendString(text, key);
            text.Append(": ");
            AppendHashable(text, item);
        }
        text.Append('}');
    }
}
