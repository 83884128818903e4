using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Converts YAML nodes to the compiler's value model, resolving plain scalars by YAML 1.1 as
/// PyYAML does (<c>yes</c> is true; see PlainScalarResolver): null, bool, long, double, string, <see cref="List{T}"/> of object?, insertion-ordered
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
                var children = map.Children;
                var dict = new Dictionary<string, object?>(children.Count, StringComparer.Ordinal);
                for (var i = 0; i < children.Count; i++)
                {
                    var (k, v) = children[i];
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

    /// <summary>A scalar: plain ones may be null/bool/int/float, quoted and block ones are strings.</summary>
    public static object? ParseScalar(YamlScalarNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is "tag:yaml.org,2002:str") return node.Value ?? "";
        if (node.Style is ScalarStyle.Plain or ScalarStyle.Any) return ParsePlain(node.Value ?? "");
        return node.Value ?? "";
    }

    /// <summary>The value of an unquoted scalar's text, by YAML 1.1 as PyYAML (and so dbt) reads it.</summary>
    public static object? ParsePlain(string text) => PlainScalarResolver.Resolve(text);

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
}
