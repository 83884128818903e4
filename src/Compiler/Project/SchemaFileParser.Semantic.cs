using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project.SemanticLayer;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

// Helpers shared by the semantic-layer readers (semantic models, metrics, saved queries).
internal sealed partial class SchemaFileParser
{
    private static Dictionary<string, object?> NewMap() => new(StringComparer.Ordinal);

    private string? Text(YamlMappingNode map, string key) => _reader.String(YamlReader.Get(map, key), key);

    private bool Flag(YamlMappingNode map, string key, bool fallback) => _reader.Bool(YamlReader.Get(map, key), key) ?? fallback;

    /// <summary>A value dbt turns into text with str() (an <c>expr: 1</c> becomes "1").</summary>
    private string? ExprText(YamlMappingNode map, string key) =>
        YamlReader.Get(map, key) is YamlScalarNode s && !YamlReader.IsNull(s) ? s.Value : _reader.String(YamlReader.Get(map, key), key);

    private Dictionary<string, object?> MapOf(YamlMappingNode map, string key) => _reader.Dictionary(YamlReader.Get(map, key), key) ?? NewMap();

    /// <summary>An enumerated value, lower-cased; a value outside <paramref name="allowed"/> is reported with the nearest one.</summary>
    private string? OneOf(YamlMappingNode map, string key, string[] allowed, string what)
    {
        var node = YamlReader.Get(map, key);
        var value = _reader.String(node, key);
        if (value is null) return null;
        var lower = value.ToLowerInvariant();
        if (Array.IndexOf(allowed, lower) >= 0) return lower;
        _reader.Diagnostics.Add(DiagnosticCodes.SemanticLayer.BadValue(_reader.Span(node!), what, value, allowed, NameSuggester.Nearest(lower, allowed)));
        return null;
    }

    private void Missing(YamlNode at, string owner, string key, string hint) =>
        _reader.Diagnostics.Add(DiagnosticCodes.SemanticLayer.MissingKey(_reader.Span(at), owner, key, hint));

    /// <summary>dbt's <c>where</c>/<c>filter</c>: a string or a list of strings becomes <c>{where_filters: [{where_sql_template}]}</c>.</summary>
    private Dictionary<string, object?>? WhereFilter(YamlMappingNode map, string key)
    {
        var node = YamlReader.Get(map, key);
        if (YamlReader.IsNull(node)) return null;
        var templates = _reader.StringList(node, key, allowSingle: true);
        if (templates is null) return null;
        var filters = templates.Select(t => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["where_sql_template"] = t }).ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["where_filters"] = filters };
    }

    /// <summary>dbt's window string, <c>'7 days'</c> → <c>{count: 7, granularity: day}</c> (a plural standard grain loses its s).</summary>
    private Dictionary<string, object?>? TimeWindow(YamlMappingNode map, string key)
    {
        var node = YamlReader.Get(map, key);
        var text = _reader.String(node, key);
        if (text is null) return null;
        var parts = text.ToLowerInvariant().Split(' ');
        if (parts.Length != 2 || !parts[0].All(char.IsAsciiDigit) || parts[0].Length == 0)
        {
            _reader.Diagnostics.Add(DiagnosticCodes.SemanticLayer.BadWindow(_reader.Span(node!), text));
            return null;
        }
        var grain = parts[1];
        if (grain.EndsWith('s') && Array.IndexOf(SemanticValues.Granularities, grain[..^1]) >= 0) grain = grain[..^1];
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["count"] = long.Parse(parts[0], CultureInfo.InvariantCulture),
            ["granularity"] = grain,
        };
    }

    /// <summary>The config block of a semantic-layer entry as dbt writes it: enabled, group, meta, then any other keys.</summary>
    private static Dictionary<string, object?> SemanticConfig(Dictionary<string, object?> written, params (string Key, object? Default)[] extra)
    {
        var config = NewMap();
        config["enabled"] = written.GetValueOrDefault("enabled") is bool enabled ? enabled : true;
        config["group"] = written.GetValueOrDefault("group");
        config["meta"] = written.GetValueOrDefault("meta") ?? NewMap();
        foreach (var (key, fallback) in extra) config[key] = written.TryGetValue(key, out var value) ? value : fallback;
        foreach (var (key, value) in written) config.TryAdd(key, value);
        return config;
    }

    private IEnumerable<(YamlMappingNode Item, string Name)> Items(YamlMappingNode map, string key, string kind) =>
        NamedItems(YamlReader.Get(map, key), key, kind);
}
