using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Converts YAML nodes to the compiler's value model with the YAML 1.2 core schema: null, bool,
/// long, double, string, <see cref="List{T}"/> of object?, insertion-ordered
/// <see cref="Dictionary{TKey,TValue}"/> of string to object?. Quoted and block scalars stay strings.
/// </summary>
public static class YamlValues
{
    /// <summary>The value of a node; tagged scalars (<c>!!str</c>) follow their tag.</summary>
    public static object? ToValue(YamlNode node) => ToValue(node, null);

    /// <summary>
    /// The value of a node, letting <paramref name="scalar"/> replace the value of any string scalar
    /// (used to render templated strings); it receives the node and the path of mapping keys to it.
    /// </summary>
    internal static object? ToValue(YamlNode node, Func<YamlScalarNode, IReadOnlyList<string>, object?>? scalar)
    {
        var path = new List<string>();
        return Convert(node, scalar, path);
    }

    private static object? Convert(YamlNode node, Func<YamlScalarNode, IReadOnlyList<string>, object?>? hook, List<string> path)
    {
        switch (node)
        {
            case YamlScalarNode s:
                var value = ParseScalar(s);
                return hook is not null && value is string ? hook(s, path) : value;
            case YamlSequenceNode seq:
                var list = new List<object?>(seq.Children.Count);
                foreach (var child in seq.Children) list.Add(Convert(child, hook, path));
                return list;
            case YamlMappingNode map:
                var dict = new Dictionary<string, object?>(map.Children.Count, StringComparer.Ordinal);
                foreach (var (k, v) in map.Children)
                {
                    var key = KeyText(k);
                    path.Add(key);
                    dict[key] = Convert(v, hook, path);
                    path.RemoveAt(path.Count - 1);
                }
                return dict;
            default:
                return null;
        }
    }

    /// <summary>The text of a mapping key (non-scalar keys, which dbt never uses, become their YAML text).</summary>
    public static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? "" : key.ToString();

    /// <summary>A scalar by the core schema: plain scalars may be null/bool/int/float, others are strings.</summary>
    public static object? ParseScalar(YamlScalarNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is "tag:yaml.org,2002:str") return node.Value ?? "";
        if (node.Style is ScalarStyle.Plain or ScalarStyle.Any) return ParsePlain(node.Value ?? "");
        return node.Value ?? "";
    }

    /// <summary>The core-schema value of an unquoted scalar's text.</summary>
    public static object? ParsePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        var first = text[0];
        if (!(char.IsAsciiDigit(first) || first is '-' or '+' or '.')) return text;
        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2 && IsAll(text.AsSpan(2), char.IsAsciiHexDigit))
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : text;
        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && IsAll(text.AsSpan(2), c => c is >= '0' and <= '7'))
            return ParseOctal(text.AsSpan(2), text);
        if (IsInteger(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (IsFloat(text)) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>The span of a node in <paramref name="source"/> (YamlDotNet marks are 1-based line/column).</summary>
    public static SourceSpan SpanOf(SourceText source, YamlNode node)
    {
        var start = source.GetOffset((int)node.Start.Line, (int)node.Start.Column);
        var end = source.GetOffset((int)node.End.Line, (int)node.End.Column);
        return new SourceSpan(source, start, Math.Max(0, end - start));
    }

    /// <summary>A short name of a value's kind for error messages ("a string", "a list").</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        bool => "a boolean",
        long => "an integer",
        double => "a number",
        string => "a string",
        IList<object?> => "a list",
        IDictionary<string, object?> => "a mapping",
        _ => value.GetType().Name,
    };

    /// <summary>A short name of a node's kind for error messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => Describe(ParseScalar(s)),
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    private static object ParseOctal(ReadOnlySpan<char> digits, string text)
    {
        long value = 0;
        foreach (var c in digits)
        {
            if (value > long.MaxValue / 8) return text;
            value = value * 8 + (c - '0');
        }
        return value;
    }

    private static bool IsAll(ReadOnlySpan<char> text, Func<char, bool> predicate)
    {
        foreach (var c in text)
        {
            if (!predicate(c)) return false;
        }
        return true;
    }

    private static bool IsInteger(string text)
    {
        var i = text[0] is '-' or '+' ? 1 : 0;
        return i < text.Length && IsAll(text.AsSpan(i), char.IsAsciiDigit);
    }

    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    private static bool IsFloat(string text)
    {
        var i = text[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fraction = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; fraction++; }
            if (digits == 0 && fraction == 0) return false;
        }
        else if (digits == 0)
        {
            return false;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+') i++;
            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; exponent++; }
            if (exponent == 0) return false;
        }
        return i == text.Length;
    }
}
