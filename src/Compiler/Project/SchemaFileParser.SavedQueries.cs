using ModelForge.Compiler.Project.SemanticLayer;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

// saved_queries: entries in dbt's manifest shape (dbt-core's SavedQueryParser).
internal sealed partial class SchemaFileParser
{
    private List<SavedQueryDefinition> SavedQueries(YamlMappingNode root)
    {
        var result = new List<SavedQueryDefinition>();
        foreach (var (item, name) in Items(root, "saved_queries", "saved query"))
        {
            var owner = $"saved query '{name}'";
            var writtenConfig = MapOf(item, "config");
            var config = SemanticConfig(writtenConfig, ("export_as", null), ("schema", null),
                ("cache", new Dictionary<string, object?>(StringComparer.Ordinal) { ["enabled"] = false }));
            var metrics = new List<SemanticReference>();
            var queryParams = NewMap();
            var q = _reader.Mapping(YamlReader.Get(item, "query_params"), "query_params");
            if (q is null) Missing(item, owner, "query_params", "give query_params: {metrics: [...], group_by: [...]}");
            q ??= new YamlMappingNode();
            if (_reader.Sequence(YamlReader.Get(q, "metrics"), "metrics") is { } list)
            {
                foreach (var entry in list.Children)
                    if (_reader.String(entry, "an item of 'metrics'") is { } metric) metrics.Add(new SemanticReference(metric, _reader.Span(entry)));
            }
            queryParams["metrics"] = metrics.Select(m => (object?)m.Name).ToList();
            queryParams["group_by"] = (_reader.StringList(YamlReader.Get(q, "group_by"), "group_by") ?? []).Cast<object?>().ToList();
            queryParams["where"] = WhereFilter(q, "where");
            queryParams["order_by"] = (_reader.StringList(YamlReader.Get(q, "order_by"), "order_by") ?? []).Cast<object?>().ToList();
            queryParams["limit"] = _reader.Integer(YamlReader.Get(q, "limit"), "limit");

            var fields = NewMap();
            fields["query_params"] = queryParams;
            fields["exports"] = Items(item, "exports", "export").Select(e => (object?)Export(e.Item, e.Name, config)).ToList();
            fields["description"] = Text(item, "description");
            fields["label"] = Text(item, "label");
            fields["metadata"] = null;
            fields["config"] = config;
            fields["unrendered_config"] = writtenConfig;
            fields["group"] = config["group"];
            // dbt sorts the union of the entry's tags and its config's tags.
            var tags = (_reader.StringList(YamlReader.Get(item, "tags"), "tags", allowSingle: true) ?? [])
                .Concat(config.GetValueOrDefault("tags") switch { string one => [one], List<object?> many => many.OfType<string>(), _ => [] })
                .Distinct().Order(StringComparer.Ordinal);
            fields["tags"] = tags.Cast<object?>().ToList();
            result.Add(new SavedQueryDefinition
            {
                Name = name,
                Span = _reader.Span(item),
                Enabled = config["enabled"] is true,
                Fields = fields,
                Metrics = metrics,
            });
        }
        return result;
    }

    /// <summary>
    /// An export: its config is the saved query's config overlaid by its own; schema_name and
    /// database left null here are the target's (filled when the project compiles), alias defaults to the export's name.
    /// </summary>
    private Dictionary<string, object?> Export(YamlMappingNode item, string name, Dictionary<string, object?> queryConfig)
    {
        var written = MapOf(item, "config");
        var exportConfig = _reader.Mapping(YamlReader.Get(item, "config"), "config");
        var exportAs = exportConfig is not null ? OneOf(exportConfig, "export_as", SemanticValues.ExportKinds, "export_as") : null;
        exportAs ??= queryConfig.GetValueOrDefault("export_as") as string;
        if (exportAs is null) Missing(item, $"export '{name}'", "config.export_as", "set config: {export_as: table} or view");
        var config = NewMap();
        config["export_as"] = exportAs;
        config["schema_name"] = written.GetValueOrDefault("schema_name") ?? written.GetValueOrDefault("schema") ?? queryConfig.GetValueOrDefault("schema");
        config["alias"] = written.GetValueOrDefault("alias") ?? name;
        config["database"] = written.GetValueOrDefault("database");
        var export = NewMap();
        export["name"] = name;
        export["config"] = config;
        export["unrendered_config"] = written;
        return export;
    }
}
