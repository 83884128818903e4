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

    /// <param name="testType">The test name, with its namespace as a prefix (<c>dbt_utils_expression_is_true</c>).</param>
    /// <param name="target">The tested node's name; <c>&lt;source&gt;_&lt;table&gt;</c> for source tables.</param>
    /// <param name="arguments">The arguments including column_name, excluding model.</param>
    public static (string Short, string Full) Names(string testType, string target, IReadOnlyDictionary<string, object?> arguments)
    {
        var parts = new List<string>();
        var keys = new List<string>(arguments.Count);
        foreach (var key in arguments.Keys)
        {
            if (key != "model") keys.Add(key);
        }
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            switch (arguments[key])
            {
                case IDictionary dictionary:
                    foreach (var value in dictionary.Values) parts.Add(Clean(PythonStr(value)));
                    break;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    foreach (var pair in pairs) parts.Add(Clean(PythonStr(pair.Value)));
                    break;
                case IEnumerable list and not string:
                    foreach (var value in list) parts.Add(Clean(PythonStr(value)));
                    break;
                case var value:
                    parts.Add(Clean(PythonStr(value)));
                    break;
            }
        }
        var identifier = $"{testType}_{target}";
        var full = $"{identifier}_{string.Join("__", parts)}";
        if (full.Length < MaxLength) return (full, full);
        var hash = Md5.HexOf(full);
        return ($"{identifier[..Math.Min(KeptPrefix, identifier.Length)]}_{hash}", full);
    }

    /// <summary>Python's str() of a YAML value, which is what dbt puts in the name.</summary>
    internal static string PythonStr(object? value) => PythonText.Str(value);

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inRun = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
                inRun = false;
            }
            else if (!inRun)
            {
                builder.Append('_');
                inRun = true;
            }
        }
        return builder.ToString();
    }
}
