using System.Collections;
using System.Text;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// dbt's generated test names: <c>&lt;test&gt;_&lt;node&gt;_&lt;arguments&gt;</c>, the arguments sorted by
/// key, flattened, and every run of characters other than letters, digits and '_' turned into '_',
/// joined with "__". A name of 64 characters or more keeps its first 30 characters of
/// <c>&lt;test&gt;_&lt;node&gt;</c> and adds the md5 of the full name, so dbt and forge name the same
/// test the same way (and store its failures in the same table).
/// </summary>
internal static class TestNamer
{
    private const int MaxLength = 64;
    private const int KeptPrefix = 30;

    // One builder and key list per thread, reused: tests are named by thousands from the parallel parse loop.
    [ThreadStatic] private static StringBuilder? t_name;
    [ThreadStatic] private static List<string>? t_keys;

    /// <param name="testType">The test name, with its namespace as a prefix (<c>dbt_utils_expression_is_true</c>).</param>
    /// <param name="target">The tested node's name; <c>&lt;source&gt;_&lt;table&gt;</c> for source tables.</param>
    /// <param name="arguments">The arguments including column_name, excluding model.</param>
    public static (string Short, string Full) Names(string testType, string target, IReadOnlyDictionary<string, object?> arguments)
    {
        var keys = t_keys ??= [];
        keys.Clear();
        if (arguments is Dictionary<string, object?> map)
        {
            // The pairs, not Keys: Keys makes a collection that the dictionary then keeps (one per test, all kept).
            foreach (var (key, _) in map) AddKey(keys, key);
        }
        else
        {
            foreach (var key in arguments.Keys) AddKey(keys, key);
        }
        // <test>_<node>_<part>__<part>…, each part cleaned as it is written.
        var name = t_name ??= new StringBuilder(256);
        name.Clear().Append(testType).Append('_').Append(target);
        var identifierLength = name.Length;
        name.Append('_');
        var parts = 0;
        foreach (var key in keys)
        {
            switch (arguments[key])
            {
                case IDictionary dictionary:
                    foreach (var value in dictionary.Values) AppendPart(name, PythonStr(value), ref parts);
                    break;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    foreach (var pair in pairs) AppendPart(name, PythonStr(pair.Value), ref parts);
                    break;
                case IEnumerable list and not string:
                    foreach (var value in list) AppendPart(name, PythonStr(value), ref parts);
                    break;
                case var value:
                    AppendPart(name, PythonStr(value), ref parts);
                    break;
            }
        }
        var full = name.ToString();
        // A test with huge arguments does not pin a huge builder to the thread.
        if (name.Capacity > 16 * 1024) t_name = null;
        if (full.Length < MaxLength) return (full, full);
        var hash = Md5.HexOf(full);
        return (string.Concat(full.AsSpan(0, Math.Min(KeptPrefix, identifierLength)), "_", hash), full);
    }

    /// <summary>Python's str() of a YAML value, which is what dbt puts in the name.</summary>
    internal static string PythonStr(object? value) => PythonText.Str(value);

    // Keys kept sorted as they come (a test has a handful): Sort would make a comparison delegate per test.
    private static void AddKey(List<string> keys, string key)
    {
        if (key == "model") return;
        var at = keys.Count;
        while (at > 0 && string.CompareOrdinal(keys[at - 1], key) > 0) at--;
        keys.Insert(at, key);
    }

    // The part with every run of characters other than letters, digits and '_' written as one '_'.
    private static void AppendPart(StringBuilder name, string text, ref int parts)
    {
        if (parts++ > 0) name.Append("__");
        var inRun = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                name.Append(c);
                inRun = false;
            }
            else if (!inRun)
            {
                name.Append('_');
                inRun = true;
            }
        }
    }
}
