using ModelForge.Compiler.Project.SemanticLayer;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

// semantic_models: entries in dbt's manifest shape (dbt-core's SemanticModelParser, v1 YAML).
internal sealed partial class SchemaFileParser
{
    private (List<SemanticModelDefinition> Models, List<MetricDefinition> CreatedMetrics) SemanticModels(YamlMappingNode root)
    {
        var models = new List<SemanticModelDefinition>();
        var created = new List<MetricDefinition>();
        foreach (var (item, name) in Items(root, "semantic_models", "semantic model"))
        {
            var owner = $"semantic model '{name}'";
            var writtenConfig = MapOf(item, "config");
            var config = SemanticConfig(writtenConfig);
            var meta = (Dictionary<string, object?>)config["meta"]!;
            var modelNode = YamlReader.Get(item, "model");
            var model = _reader.String(modelNode, "model");
            if (model is null) Missing(item, owner, "model", "write model: ref('the_model') naming the model it reads");

            var measures = new List<object?>();
            var measureNames = new List<string>();
            foreach (var (measure, measureName) in Items(item, "measures", "measure"))
            {
                measures.Add(Measure(measure, measureName, meta));
                measureNames.Add(measureName);
                if (Flag(measure, "create_metric", false)) created.Add(CreatedMetric(measure, measureName, name, config));
            }
            var defaults = _reader.Mapping(YamlReader.Get(item, "defaults"), "defaults") is { } d
                ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["agg_time_dimension"] = Text(d, "agg_time_dimension") }
                : null;

            var fields = NewMap();
            fields["description"] = Text(item, "description");
            fields["label"] = Text(item, "label");
            fields["defaults"] = defaults;
            fields["entities"] = Items(item, "entities", "entity").Select(e => (object?)Entity(e.Item, e.Name, meta)).ToList();
            fields["measures"] = measures;
            fields["dimensions"] = Items(item, "dimensions", "dimension").Select(e => (object?)Dimension(e.Item, e.Name, meta)).ToList();
            fields["metadata"] = null;
            fields["config"] = config;
            fields["unrendered_config"] = writtenConfig;
            fields["primary_entity"] = Text(item, "primary_entity");
            fields["group"] = config["group"];
            models.Add(new SemanticModelDefinition
            {
                Name = name,
                Span = _reader.Span(item),
                Model = model,
                ModelSpan = modelNode is null ? null : _reader.Span(modelNode),
                Enabled = config["enabled"] is true,
                Group = config["group"] as string,
                Fields = fields,
                MeasureNames = measureNames,
            });
        }
        return (models, created);
    }

    // An element's meta is the semantic model's config meta overlaid by its own (dbt's "combining configs").
    private Dictionary<string, object?> ElementConfig(YamlMappingNode element, Dictionary<string, object?> modelMeta)
    {
        var own = MapOf(element, "config").GetValueOrDefault("meta") as Dictionary<string, object?> ?? NewMap();
        var meta = new Dictionary<string, object?>(modelMeta, StringComparer.Ordinal);
        foreach (var (key, value) in own) meta[key] = value;
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["meta"] = meta };
    }

    private Dictionary<string, object?> Entity(YamlMappingNode item, string name, Dictionary<string, object?> modelMeta)
    {
        var type = OneOf(item, "type", SemanticValues.EntityTypes, "entity type");
        if (YamlReader.Get(item, "type") is null) Missing(item, $"entity '{name}'", "type", "set type: primary, unique, foreign or natural");
        var entity = NewMap();
        entity["name"] = name;
        entity["type"] = type;
        entity["description"] = Text(item, "description");
        entity["label"] = Text(item, "label");
        entity["role"] = Text(item, "role");
        entity["expr"] = ExprText(item, "expr");
        entity["config"] = ElementConfig(item, modelMeta);
        return entity;
    }

    private Dictionary<string, object?> Measure(YamlMappingNode item, string name, Dictionary<string, object?> modelMeta)
    {
        var agg = OneOf(item, "agg", SemanticValues.Aggregations, "aggregation");
        if (YamlReader.Get(item, "agg") is null) Missing(item, $"measure '{name}'", "agg", "set agg: sum, count, count_distinct, average, min, max…");
        Dictionary<string, object?>? aggParams = null;
        if (_reader.Mapping(YamlReader.Get(item, "agg_params"), "agg_params") is { } p)
        {
            aggParams = NewMap();
            aggParams["percentile"] = YamlReader.Get(p, "percentile") is { } percentile && !YamlReader.IsNull(percentile) ? _reader.Value(percentile) : null;
            aggParams["use_discrete_percentile"] = Flag(p, "use_discrete_percentile", false);
            aggParams["use_approximate_percentile"] = Flag(p, "use_approximate_percentile", false);
        }
        Dictionary<string, object?>? nonAdditive = null;
        if (_reader.Mapping(YamlReader.Get(item, "non_additive_dimension"), "non_additive_dimension") is { } n)
        {
            nonAdditive = NewMap();
            nonAdditive["name"] = Text(n, "name");
            nonAdditive["window_choice"] = OneOf(n, "window_choice", SemanticValues.Aggregations, "window_choice") ?? "min";
            nonAdditive["window_groupings"] = (_reader.StringList(YamlReader.Get(n, "window_groupings"), "window_groupings") ?? []).Cast<object?>().ToList();
        }
        var measure = NewMap();
        measure["name"] = name;
        measure["agg"] = agg;
        measure["description"] = Text(item, "description");
        measure["label"] = Text(item, "label");
        measure["create_metric"] = Flag(item, "create_metric", false);
        measure["expr"] = ExprText(item, "expr");
        measure["agg_params"] = aggParams;
        measure["non_additive_dimension"] = nonAdditive;
        measure["agg_time_dimension"] = Text(item, "agg_time_dimension");
        measure["config"] = ElementConfig(item, modelMeta);
        return measure;
    }

    private Dictionary<string, object?> Dimension(YamlMappingNode item, string name, Dictionary<string, object?> modelMeta)
    {
        var type = OneOf(item, "type", SemanticValues.DimensionTypes, "dimension type");
        if (YamlReader.Get(item, "type") is null) Missing(item, $"dimension '{name}'", "type", "set type: categorical or time");
        Dictionary<string, object?>? typeParams = null;
        if (_reader.Mapping(YamlReader.Get(item, "type_params"), "type_params") is { } p)
        {
            typeParams = NewMap();
            typeParams["time_granularity"] = OneOf(p, "time_granularity", SemanticValues.Granularities, "time_granularity");
            typeParams["validity_params"] = _reader.Mapping(YamlReader.Get(p, "validity_params"), "validity_params") is { } v
                ? new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["is_start"] = Flag(v, "is_start", false),
                    ["is_end"] = Flag(v, "is_end", false),
                }
                : null;
        }
        var dimension = NewMap();
        dimension["name"] = name;
        dimension["type"] = type;
        dimension["description"] = Text(item, "description");
        dimension["label"] = Text(item, "label");
        dimension["is_partition"] = Flag(item, "is_partition", false);
        dimension["type_params"] = typeParams;
        dimension["expr"] = ExprText(item, "expr");
        dimension["metadata"] = null;
        dimension["config"] = ElementConfig(item, modelMeta);
        return dimension;
    }

    /// <summary>The simple metric dbt makes for a measure with <c>create_metric: true</c>, named after the measure.</summary>
    private MetricDefinition CreatedMetric(YamlMappingNode measure, string name, string semanticModel, Dictionary<string, object?> modelConfig)
    {
        var config = new Dictionary<string, object?>(StringComparer.Ordinal) { ["enabled"] = modelConfig["enabled"], ["meta"] = modelConfig["meta"] };
        var input = MetricInputMeasure(name, null, null, false, null);
        var typeParams = MetricTypeParams();
        typeParams["measure"] = input;
        typeParams["expr"] = ExprText(measure, "expr") ?? name;
        var fields = MetricFields(
            description: Text(measure, "description") ?? $"Metric created from measure {name}",
            label: Text(measure, "label") ?? name, type: "simple", typeParams: typeParams, filter: null, timeGranularity: null,
            meta: (Dictionary<string, object?>)modelConfig["meta"]!, tags: [], config: SemanticConfig(config), unrendered: config);
        return new MetricDefinition
        {
            Name = name,
            Span = _reader.Span(measure),
            Type = "simple",
            Enabled = modelConfig["enabled"] is true,
            Fields = fields,
            Measures = [(new SemanticReference(name, _reader.Span(measure)), input)],
        };
    }
}
