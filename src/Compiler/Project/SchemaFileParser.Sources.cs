using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

internal sealed partial class SchemaFileParser
{
    private static readonly string[] FreshnessPeriods = ["minute", "hour", "day"];

    private List<SourceDefinition> Sources(YamlMappingNode root)
    {
        var result = new List<SourceDefinition>();
        foreach (var (item, name) in NamedItems(YamlReader.Get(root, "sources"), "sources", "source"))
        {
            KeySpellingCheck.CheckEntry(_reader, item, "source", KeySpellingCheck.SourceKeys);
            var config = _reader.Dictionary(YamlReader.Get(item, "config"), "config") ?? Empty.Dictionary;
            var enabled = config.TryGetValue("enabled", out var e) && e is bool b ? b : true;
            var (hasFreshness, freshness) = Freshness(item);
            var source = new SourceDefinition
            {
                Name = name,
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                Database = _sourceReader.String(YamlReader.Get(item, "database"), "database"),
                Schema = _sourceReader.String(YamlReader.Get(item, "schema"), "schema") ?? name,
                Loader = _sourceReader.String(YamlReader.Get(item, "loader"), "loader"),
                LoadedAtField = _sourceReader.String(YamlReader.Get(item, "loaded_at_field"), "loaded_at_field"),
                Freshness = hasFreshness ? freshness : null,
                Quoting = _reader.Dictionary(YamlReader.Get(item, "quoting"), "quoting") ?? Empty.Dictionary,
                Meta = _reader.Dictionary(YamlReader.Get(item, "meta"), "meta") ?? Empty.Dictionary,
                Tags = Tags(item),
                Config = config,
                Enabled = enabled,
                Span = _reader.Span(item),
            };
            result.Add(source with { Tables = Tables(item, source) });
        }
        return result;
    }

    private List<SourceTable> Tables(YamlMappingNode sourceNode, SourceDefinition source)
    {
        var result = new List<SourceTable>();
        foreach (var (item, name) in NamedItems(YamlReader.Get(sourceNode, "tables"), "tables", "source table"))
        {
            KeySpellingCheck.CheckEntry(_reader, item, "source table", KeySpellingCheck.SourceTableKeys);
            var attachment = new TestAttachment(ResourceType.Source, name, source.Name);
            var config = _reader.Dictionary(YamlReader.Get(item, "config"), "config") ?? Empty.Dictionary;
            var enabled = source.Enabled && !(config.TryGetValue("enabled", out var e) && e is false);
            var (hasFreshness, freshness) = Freshness(item);
            var quoting = new Dictionary<string, object?>(source.Quoting, StringComparer.Ordinal);
            foreach (var (k, v) in _reader.Dictionary(YamlReader.Get(item, "quoting"), "quoting") ?? Empty.Dictionary) quoting[k] = v;
            result.Add(new SourceTable
            {
                SourceName = source.Name,
                Name = name,
                Identifier = _sourceReader.String(YamlReader.Get(item, "identifier"), "identifier") ?? name,
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                SourceDescription = source.Description,
                Loader = source.Loader ?? "",
                Columns = Columns(item, attachment),
                LoadedAtField = _sourceReader.String(YamlReader.Get(item, "loaded_at_field"), "loaded_at_field") ?? source.LoadedAtField,
                // The table's own policy overlays the source's field by field; `freshness: null` opts out.
                Freshness = !hasFreshness ? source.Freshness : freshness is null ? null : Overlay(source.Freshness, freshness),
                Quoting = quoting,
                Meta = _reader.Dictionary(YamlReader.Get(item, "meta"), "meta") ?? Empty.Dictionary,
                Tags = Tags(item),
                Tests = Tests(item, attachment, null),
                Config = config,
                Enabled = enabled,
                Span = _reader.Span(item),
            });
        }
        return result;
    }

    private static FreshnessPolicy Overlay(FreshnessPolicy? inherited, FreshnessPolicy own) =>
        inherited is null ? own : new FreshnessPolicy(own.WarnAfter ?? inherited.WarnAfter, own.ErrorAfter ?? inherited.ErrorAfter, own.Filter ?? inherited.Filter);

    /// <summary>
    /// Whether the entry sets freshness (top level, or under config: as dbt 1.10 writes it) and the
    /// policy; (true, null) is an explicit opt-out.
    /// </summary>
    private (bool Has, FreshnessPolicy? Policy) Freshness(YamlMappingNode entry)
    {
        var node = YamlReader.Get(entry, "freshness");
        if (node is null && YamlReader.Get(entry, "config") is YamlMappingNode config) node = YamlReader.Get(config, "freshness");
        if (node is null) return (false, null);
        if (_reader.Mapping(node, "freshness") is not { } map) return (true, null);
        return (true, new FreshnessPolicy(
            Threshold(YamlReader.Get(map, "warn_after"), "warn_after"),
            Threshold(YamlReader.Get(map, "error_after"), "error_after"),
            _reader.String(YamlReader.Get(map, "filter"), "filter")));
    }

    private FreshnessThreshold? Threshold(YamlNode? node, string what)
    {
        if (_reader.Mapping(node, what) is not { } map) return null;
        var countNode = YamlReader.Get(map, "count");
        var periodNode = YamlReader.Get(map, "period");
        var count = _reader.Integer(countNode, $"{what}.count");
        var period = _reader.String(periodNode, $"{what}.period");
        // dbt treats {count: null, period: null} as "not set".
        if (count is null && period is null) return null;
        if (count is null || count < 1)
        {
            if (YamlReader.IsNull(countNode) || count < 1)
                _reader.Diagnostics.Add(DiagnosticCodes.Project.InvalidFreshness(countNode is null ? _reader.Span(node!) : _reader.Span(countNode), $"'{what}' needs a positive 'count'"));
            return null;
        }
        if (period is null || Array.IndexOf(FreshnessPeriods, period) < 0)
        {
            if (period is not null || YamlReader.IsNull(periodNode))
                _reader.Diagnostics.Add(DiagnosticCodes.Project.InvalidFreshness(periodNode is null ? _reader.Span(node!) : _reader.Span(periodNode),
                    period is null ? $"'{what}' needs a 'period'" : $"unknown freshness period '{period}'"));
            return null;
        }
        return new FreshnessThreshold(count.Value, period);
    }
}
