using System.Collections;

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

    /// <param name="name">The test node's name (the full generated name, or the user's <c>name:</c>).</param>
    /// <param name="testName">The test without namespace (<c>unique</c>).</param>
    /// <param name="testNamespace">The namespace (<c>dbt_utils</c>), or null.</param>
    /// <param name="kwargs">The test's kwargs as dbt stores them: arguments, column_name and model.</param>
    public static string Of(string name, string testName, string? testNamespace, IReadOnlyDictionary<string, object?> kwargs)
    {
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["namespace"] = testNamespace,
            ["name"] = testName,
            ["kwargs"] = kwargs,
        };
        var text = name + PythonText.Repr(Hashable(metadata));
        var md5 = Md5.HexOf(text);
        return md5[^Length..];
    }

    private static object Hashable(object? value) => value switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, object?>(p.Key, Hashable(p.Value)))
            .ToList(),
        IDictionary dictionary => dictionary.Cast<DictionaryEntry>()
            .OrderBy(e => PythonText.Str(e.Key), StringComparer.Ordinal)
            .Select(e => new KeyValuePair<string, object?>(PythonText.Str(e.Key), Hashable(e.Value)))
            .ToList(),
        string text => text,
        IList list => list.Cast<object?>().Select(Hashable).ToList(),
        _ => PythonText.Str(value),
    };
}
