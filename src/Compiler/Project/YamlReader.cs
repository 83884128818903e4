using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Typed reads from a YAML node tree of one file. Every wrong shape becomes a diagnostic at the
/// node (MF1003) and the read returns null, so the caller carries on and collects more problems.
/// </summary>
internal sealed class YamlReader(SourceText source, DiagnosticBag diagnostics, IYamlValueRenderer? renderer = null, YamlRenderScope scope = YamlRenderScope.Project)
{
    public SourceText Source { get; } = source;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Whether templated strings are rendered: <see cref="Value"/> then differs from <see cref="YamlValues.ToValue(YamlNode)"/>.</summary>
    public bool Renders => renderer is not null;

    public SourceSpan Span(YamlNode node) => YamlValues.SpanOf(Source, node);

    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        // By index: the children's enumerator is a boxed interface call per lookup, and a schema
        // file of 100 models asks for a dozen keys of each model and column.
        var children = map.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var (k, v) = children[i];
            if (k is YamlScalarNode { Value: { } name } && name == key) return v;
        }
        return null;
    }

    public static bool Has(YamlMappingNode map, string key) => Get(map, key) is not null;

    /// <summary>
    /// The key texts of <paramref name="map"/> in order (<see cref="YamlValues.KeyText"/>). By index, as
    /// <see cref="Get"/>: YamlDotNet's <c>Children.Keys</c> is a LINQ projection of its pairs, compiled at run time.
    /// </summary>
    public static List<string> KeyTexts(YamlMappingNode map)
    {
        var children = map.Children;
        var keys = new List<string>(children.Count);
        for (var i = 0; i < children.Count; i++) keys.Add(YamlValues.KeyText(children[i].Key));
        return keys;
    }

    /// <summary>The first key node of <paramref name="map"/> whose text (<see cref="YamlValues.KeyText"/>) is <paramref name="text"/>.</summary>
    public static YamlNode? KeyNamed(YamlMappingNode map, string text)
    {
        var children = map.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (YamlValues.KeyText(children[i].Key) == text) return children[i].Key;
        }
        return null;
    }

    public static bool IsNull(YamlNode? node) => node is null or YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The scalar's value, rendered when it is a templated string and a renderer is set.</summary>
    public object? Scalar(YamlScalarNode node)
    {
        var value = YamlValues.ParseScalar(node);
        return value is string text ? Render(text, node) : value;
    }

    /// <summary>The value of any node, rendering templated strings unless <paramref name="skip"/> says so for its key path.</summary>
    public object? Value(YamlNode node, Func<IReadOnlyList<string>, bool>? skip = null)
    {
        if (renderer is null) return YamlValues.ToValue(node);
        return YamlValues.ToValue(node, (s, path) => skip is not null && skip(path) ? s.Value : Render(s.Value ?? "", s));
    }

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (IsNull(node)) return null;
        if (node is YamlMappingNode map) return map;
        WrongType(node!, what, "a mapping");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode? node, string what, string? hint = null)
    {
        if (IsNull(node)) return null;
        if (node is YamlSequenceNode seq) return seq;
        WrongType(node!, what, "a list", hint);
        return null;
    }

    /// <summary>A scalar as text (numbers and booleans as written: dbt accepts <c>version: 1.0</c>).</summary>
    public string? String(YamlNode? node, string what)
    {
        if (IsNull(node)) return null;
        if (node is YamlScalarNode s)
        {
            var value = Scalar(s);
            return value switch
            {
                null => null,
                string text => text,
                bool or long or double when YamlValues.ParseScalar(s) is not string => s.Value,
                _ => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }
        WrongType(node!, what, "a string");
        return null;
    }

    public bool? Bool(YamlNode? node, string what)
    {
        if (IsNull(node)) return null;
        if (node is YamlScalarNode s)
        {
            switch (Scalar(s))
            {
                case bool b: return b;
                // A rendered env_var gives text; dbt coerces it the same way.
                case string t when bool.TryParse(t.Trim(), out var parsed): return parsed;
            }
        }
        WrongType(node!, what, "true or false");
        return null;
    }

    public long? Integer(YamlNode? node, string what)
    {
        if (IsNull(node)) return null;
        if (node is YamlScalarNode s)
        {
            switch (Scalar(s))
            {
                case long l: return l;
                case string t when long.TryParse(t.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed): return parsed;
            }
        }
        WrongType(node!, what, "an integer");
        return null;
    }

    /// <summary>A list of strings; a lone string is accepted only when <paramref name="allowSingle"/>.</summary>
    public List<string>? StringList(YamlNode? node, string what, bool allowSingle = false)
    {
        if (IsNull(node)) return null;
        if (allowSingle && node is YamlScalarNode single && String(single, what) is { } one) return [one];
        if (node is not YamlSequenceNode seq)
        {
            WrongType(node!, what, "a list of strings", "write a YAML list, e.g. [\"first\", \"second\"]");
            return null;
        }
        var result = new List<string>(seq.Children.Count);
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode && String(item, what) is { } text) result.Add(text);
            else if (item is not YamlScalarNode) WrongType(item, $"an item of '{what}'", "a string");
        }
        return result;
    }

    public Dictionary<string, object?>? Dictionary(YamlNode? node, string what)
    {
        var map = Mapping(node, what);
        return map is null ? null : (Dictionary<string, object?>)Value(map)!;
    }

    public void WrongType(YamlNode node, string what, string expected, string? hint = null) =>
        Diagnostics.Add(DiagnosticCodes.Project.WrongType(Span(node), what, expected, YamlValues.Describe(node), hint));

    // Typed reads and the raw settings dictionary may visit one node twice; render it once.
    private readonly Dictionary<YamlScalarNode, object?> _rendered = new(ReferenceEqualityComparer.Instance);

    private object? Render(string text, YamlScalarNode node)
    {
        if (renderer is null || !(text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal))) return text;
        if (_rendered.TryGetValue(node, out var cached)) return cached;
        object? value;
        try
        {
            value = renderer.Render(text, Span(node), scope);
        }
        catch (DiagnosticException e)
        {
            Diagnostics.Add(e.Diagnostic);
            value = text;
        }
        _rendered[node] = value;
        return value;
    }
}
