using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// Writes mappings, lists and scalars as PyYAML's yaml.dump does with dbt's package dumper: keys
/// sorted, list items indented under their key, strings quoted with ' only when they would read
/// back as something else. Used for package-lock.yml and for packages.yml after --add-package.
/// </summary>
internal static partial class YamlEmitter
{
    public static string Dump(IReadOnlyList<KeyValuePair<string, object?>> map, bool sortKeys = true)
    {
        var builder = new StringBuilder();
        WriteMap(builder, map, 0, sortKeys, firstInline: false);
        return builder.ToString();
    }

    private static void WriteMap(StringBuilder builder, IEnumerable<KeyValuePair<string, object?>> map, int indent, bool sortKeys, bool firstInline)
    {
        var pairs = sortKeys ? map.OrderBy(p => p.Key, StringComparer.Ordinal).ToList() : map.ToList();
        if (pairs.Count == 0)
        {
            builder.Append("{}\n");
            return;
        }
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i > 0 || !firstInline) builder.Append(' ', indent);
            builder.Append(Scalar(pairs[i].Key)).Append(':');
            WriteValue(builder, pairs[i].Value, indent, sortKeys);
        }
    }

    private static void WriteValue(StringBuilder builder, object? value, int indent, bool sortKeys)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 } nested:
                builder.Append('\n');
                WriteMap(builder, nested, indent + 2, sortKeys, firstInline: false);
                break;
            case IReadOnlyList<object?> { Count: > 0 } list:
                builder.Append('\n');
                foreach (var item in list)
                {
                    builder.Append(' ', indent + 2).Append("- ");
                    if (item is IReadOnlyDictionary<string, object?> { Count: > 0 } entry) WriteMap(builder, entry, indent + 4, sortKeys, firstInline: true);
                    else builder.Append(Scalar(item)).Append('\n');
                }
                break;
            case IReadOnlyList<object?>:
                builder.Append(" []\n");
                break;
            case IReadOnlyDictionary<string, object?>:
                builder.Append(" {}\n");
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    public static string Scalar(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => PythonJson.Float(d),
        long or int => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ => QuoteIfNeeded(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string QuoteIfNeeded(string text)
    {
        var needs = text.Length == 0
            || text != text.Trim()
            || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0])
            || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')
            || text.Any(c => c < 0x20 || c > 0x7e)
            || ResolvesToOther().IsMatch(text);
        return needs ? "'" + text.Replace("'", "''") + "'" : text;
    }

    // YAML 1.1 plain scalars that PyYAML would not read back as a string: bools, nulls, ints, floats.
    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|\d{4}-\d\d?-\d\d?.*)$")]
    private static partial Regex ResolvesToOther();
}
