using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project.SemanticLayer;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

// metrics: entries in dbt's manifest shape (dbt-core's MetricParser, v1 YAML with type_params).
internal sealed partial class SchemaFileParser
{
    private List<MetricDefinition> Metrics(YamlMappingNode root)
    {
        var result = new List<MetricDefinition>();
        foreach (var (item, name) in Items(root, "metrics", "metric"))
        {
            var owner = $"metric '{name}'";
            var type = OneOf(item, "type", SemanticValues.MetricTypes, "metric type");
            if (YamlReader.Get(item, "type") is null) Missing(item, owner, "type", "set type: simple, ratio, cumulative, derived or conversion");
            type ??= "simple";
            var p = _reader.Mapping(YamlReader.Get(item, "type_params"), "type_params");
            if (p is null) Missing(item, owner, "type_params", "dbt needs type_params, e.g. {measure: my_measure} for a simple metric");
            p ??= new YamlMappingNode();

            var measures = new List<(SemanticReference, IReadOnlyDictionary<string, object?>)>();
            var inputMetrics = new List<SemanticReference>();
            var typeParams = MetricTypeParams();
            var measure = InputMeasure(p, "measure", measures);
            typeParams["measure"] = measure;
            if (measure is null && type is "simple") Missing(p.Children.Count > 0 ? p : item, owner, "type_params.measure", "name the measure it aggregates: type_params: {measure: my_measure}");
            if (type is "cumulative" && measure is null) Missing(p.Children.Count > 0 ? p : item, owner, "type_params.measure", "name the measure it accumulates");
            typeParams["numerator"] = MetricInput(p, "numerator", inputMetrics);
            typeParams["denominator"] = MetricInput(p, "denominator", inputMetrics);
            if (type is "ratio" && (typeParams["numerator"] is null || typeParams["denominator"] is null))
                Missing(p.Children.Count > 0 ? p : item, owner, "numerator and denominator", "a ratio metric names both: numerator: metric_a, denominator: metric_b");
            typeParams["expr"] = ExprText(p, "expr");
            typeParams["window"] = TimeWindow(p, "window");
            typeParams["grain_to_date"] = OneOf(p, "grain_to_date", SemanticValues.Granularities, "grain_to_date");
            var metricList = new List<object?>();
            if (_reader.Sequence(YamlReader.Get(p, "metrics"), "metrics") is { } list)
                foreach (var entry in list.Children) if (MetricInputOf(entry, inputMetrics) is { } input) metricList.Add(input);
            typeParams["metrics"] = metricList;
            if (type is "derived" && metricList.Count == 0) Missing(p.Children.Count > 0 ? p : item, owner, "type_params.metrics", "list the metrics the expr combines");
            typeParams["conversion_type_params"] = type is "conversion" ? ConversionParams(p, owner, item, measures) : null;
            typeParams["cumulative_type_params"] = type is "cumulative" ? CumulativeParams(p, typeParams["window"]) : null;

            var writtenConfig = MapOf(item, "config");
            var config = SemanticConfig(writtenConfig);
            var configMeta = (Dictionary<string, object?>)config["meta"]!;
            var fields = MetricFields(
                description: Text(item, "description") ?? "", label: Text(item, "label") ?? name, type: type, typeParams: typeParams,
                filter: WhereFilter(item, "filter"), timeGranularity: Text(item, "time_granularity"),
                meta: configMeta.Count > 0 ? configMeta : MapOf(item, "meta"),
                tags: _reader.StringList(YamlReader.Get(item, "tags"), "tags", allowSingle: true) ?? [],
                config: config, unrendered: writtenConfig);
            result.Add(new MetricDefinition
            {
                Name = name,
                Span = _reader.Span(item),
                Type = type,
                Enabled = config["enabled"] is true,
                Fields = fields,
                Measures = measures,
                InputMetrics = inputMetrics,
            });
        }
        return result;
    }

    /// <summary>MetricTypeParams with dbt's defaults, in its field order.</summary>
    private static Dictionary<string, object?> MetricTypeParams()
    {
        var p = NewMap();
        foreach (var key in new[] { "measure", "input_measures", "numerator", "denominator", "expr", "window", "grain_to_date", "metrics",
                     "conversion_type_params", "cumulative_type_params", "metric_aggregation_params", "fill_nulls_with" }) p[key] = null;
        p["input_measures"] = new List<object?>();
        p["metrics"] = new List<object?>();
        p["join_to_timespine"] = false;
        p["is_private"] = null;
        return p;
    }

    private static Dictionary<string, object?> MetricFields(string description, string label, string type, Dictionary<string, object?> typeParams,
        Dictionary<string, object?>? filter, string? timeGranularity, Dictionary<string, object?> meta, IReadOnlyList<string> tags,
        Dictionary<string, object?> config, Dictionary<string, object?> unrendered)
    {
        var fields = NewMap();
        fields["description"] = description;
        fields["label"] = label;
        fields["type"] = type;
        fields["type_params"] = typeParams;
        fields["filter"] = filter;
        fields["metadata"] = null;
        fields["time_granularity"] = timeGranularity;
        fields["meta"] = meta;
        fields["tags"] = tags.Cast<object?>().ToList();
        fields["config"] = config;
        fields["unrendered_config"] = unrendered;
        fields["sources"] = new List<object?>();
        return fields;
    }

    private static Dictionary<string, object?> MetricInputMeasure(string name, Dictionary<string, object?>? filter, string? alias, bool joinToTimespine, object? fillNullsWith)
    {
        var input = NewMap();
        input["name"] = name;
        input["filter"] = filter;
        input["alias"] = alias;
        input["join_to_timespine"] = joinToTimespine;
        input["fill_nulls_with"] = fillNullsWith;
        return input;
    }

    /// <summary>A measure input, written as a name or as <c>{name, filter, alias, join_to_timespine, fill_nulls_with}</c>.</summary>
    private Dictionary<string, object?>? InputMeasure(YamlMappingNode map, string key, List<(SemanticReference, IReadOnlyDictionary<string, object?>)> into)
    {
        var node = YamlReader.Get(map, key);
        if (YamlReader.IsNull(node)) return null;
        Dictionary<string, object?>? input = null;
        if (node is YamlScalarNode && _reader.String(node, key) is { } name) input = MetricInputMeasure(name, null, null, false, null);
        else if (_reader.Mapping(node, key) is { } m && Text(m, "name") is { } named)
            input = MetricInputMeasure(named, WhereFilter(m, "filter"), Text(m, "alias"), Flag(m, "join_to_timespine", false),
                YamlReader.Get(m, "fill_nulls_with") is { } f && !YamlReader.IsNull(f) ? _reader.Value(f) : null);
        else if (node is YamlMappingNode) Missing(node, $"measure input '{key}'", "name", "write {name: my_measure, …}");
        if (input is not null) into.Add((new SemanticReference((string)input["name"]!, _reader.Span(node!)), input));
        return input;
    }

    private Dictionary<string, object?>? MetricInput(YamlMappingNode map, string key, List<SemanticReference> into) =>
        YamlReader.Get(map, key) is { } node && !YamlReader.IsNull(node) ? MetricInputOf(node, into) : null;

    /// <summary>A metric input, written as a name or as <c>{name, filter, alias, offset_window, offset_to_grain}</c>.</summary>
    private Dictionary<string, object?>? MetricInputOf(YamlNode node, List<SemanticReference> into)
    {
        var input = NewMap();
        if (node is YamlScalarNode && _reader.String(node, "metric") is { } name)
        {
            input["name"] = name;
            input["filter"] = null;
            input["alias"] = null;
            input["offset_window"] = null;
            input["offset_to_grain"] = null;
        }
        else if (_reader.Mapping(node, "a metric input") is { } m && Text(m, "name") is { } named)
        {
            input["name"] = named;
            input["filter"] = WhereFilter(m, "filter");
            input["alias"] = Text(m, "alias");
            input["offset_window"] = TimeWindow(m, "offset_window");
            input["offset_to_grain"] = Text(m, "offset_to_grain");
        }
        else
        {
            if (node is YamlMappingNode) Missing(node, "a metric input", "name", "write {name: my_metric, …}");
            return null;
        }
        into.Add(new SemanticReference((string)input["name"]!, _reader.Span(node)));
        return input;
    }

    private Dictionary<string, object?>? ConversionParams(YamlMappingNode p, string owner, YamlMappingNode item,
        List<(SemanticReference, IReadOnlyDictionary<string, object?>)> measures)
    {
        if (_reader.Mapping(YamlReader.Get(p, "conversion_type_params"), "conversion_type_params") is not { } c)
        {
            Missing(p.Children.Count > 0 ? p : item, owner, "type_params.conversion_type_params", "give entity, base_measure and conversion_measure");
            return null;
        }
        var result = NewMap();
        result["entity"] = Text(c, "entity");
        if (result["entity"] is null) Missing(c, owner, "conversion_type_params.entity", "name the entity both measures join on");
        result["base_measure"] = InputMeasure(c, "base_measure", measures);
        result["conversion_measure"] = InputMeasure(c, "conversion_measure", measures);
        if (result["base_measure"] is null || result["conversion_measure"] is null)
            Missing(c, owner, "base_measure and conversion_measure", "a conversion metric needs both measures");
        result["base_metric"] = null;
        result["conversion_metric"] = null;
        result["calculation"] = OneOf(c, "calculation", SemanticValues.ConversionCalculations, "calculation") ?? "conversion_rate";
        result["window"] = TimeWindow(c, "window");
        result["constant_properties"] = _reader.Sequence(YamlReader.Get(c, "constant_properties"), "constant_properties") is { } props
            ? props.Children.OfType<YamlMappingNode>().Select(m => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["base_property"] = Text(m, "base_property"),
                ["conversion_property"] = Text(m, "conversion_property"),
            }).ToList()
            : null;
        return result;
    }

    // dbt moves a cumulative metric's legacy type_params.window / grain_to_date into cumulative_type_params.
    private Dictionary<string, object?> CumulativeParams(YamlMappingNode p, object? legacyWindow)
    {
        var c = _reader.Mapping(YamlReader.Get(p, "cumulative_type_params"), "cumulative_type_params");
        var result = NewMap();
        result["window"] = (c is not null ? TimeWindow(c, "window") : null) ?? legacyWindow;
        result["grain_to_date"] = (c is not null ? Text(c, "grain_to_date") : null) ?? Text(p, "grain_to_date");
        result["period_agg"] = (c is not null ? OneOf(c, "period_agg", SemanticValues.PeriodAggregations, "period_agg") : null) ?? "first";
        result["metric"] = null;
        return result;
    }
}
