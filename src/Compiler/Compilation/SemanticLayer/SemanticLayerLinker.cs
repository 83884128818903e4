using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Project.SemanticLayer;

namespace ModelForge.Compiler.Compilation.SemanticLayer;

/// <summary>
/// Resolves the semantic layer once every node exists, as dbt does after parsing: a semantic
/// model's <c>model: ref(...)</c> to its node (and node_relation), a metric's measures to the
/// semantic models that define them (its input_measures and depends_on), derived and ratio
/// metrics to their input metrics, and saved queries to their metrics. Unknown names are errors at
/// the YAML that wrote them, with the nearest name.
/// </summary>
internal sealed class SemanticLayerLinker
{
    private readonly SemanticManifest _result = new();
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (string Id, MetricDefinition Metric, Dictionary<string, object?> Node)> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _measureOwner = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linking = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linked = new(StringComparer.Ordinal);

    private SemanticLayerLinker(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static SemanticManifest Link(LoadedProject project, NodeLookup lookup, IReadOnlyDictionary<string, ProjectNode> nodes,
        TargetInfo target, DateTimeOffset createdAt, DiagnosticBag diagnostics)
    {
        var units = project.WithPackages.ToList();
        if (!units.Any(u => u.Schema.Files.Any(f => f.SemanticModels.Count + f.Metrics.Count + f.SavedQueries.Count > 0)))
            return SemanticManifest.Empty;
        var linker = new SemanticLayerLinker(diagnostics);
        var created = createdAt.ToUnixTimeMilliseconds() / 1000.0;
        var firstSeen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            foreach (var file in unit.Schema.Files)
            {
                foreach (var model in file.SemanticModels.Where(m => m.Enabled))
                {
                    var id = $"semantic_model.{unit.Name}.{model.Name}";
                    if (!linker.Unique(firstSeen, id, "semantic model", model.Name, model.Span)) continue;
                    linker.AddSemanticModel(unit, file, model, id, lookup, nodes, created);
                }
            }
        }
        foreach (var unit in units)
        {
            foreach (var file in unit.Schema.Files)
            {
                foreach (var metric in file.Metrics.Where(m => m.Enabled))
                {
                    var id = $"metric.{unit.Name}.{metric.Name}";
                    if (!linker.Unique(firstSeen, id, "metric", metric.Name, metric.Span)) continue;
                    var node = Compose(Header(unit, file, "metric", id, metric.Name), metric.Fields, before: null);
                    linker._metrics[metric.Name] = (id, metric, node);
                    linker._result.Metrics[id] = node;
                    node["created_at"] = created;
                }
            }
        }
        foreach (var name in linker._metrics.Keys.ToList()) linker.LinkMetric(name);
        foreach (var unit in units)
        {
            foreach (var file in unit.Schema.Files)
            {
                foreach (var query in file.SavedQueries.Where(q => q.Enabled))
                {
                    var id = $"saved_query.{unit.Name}.{query.Name}";
                    if (!linker.Unique(firstSeen, id, "saved query", query.Name, query.Span)) continue;
                    linker.AddSavedQuery(unit, file, query, id, target, created);
                }
            }
        }
        return linker._result;
    }

    private bool Unique(Dictionary<string, SourceSpan> seen, string id, string kind, string name, SourceSpan span)
    {
        if (seen.TryAdd(id, span)) return true;
        _diagnostics.Add(DiagnosticCodes.SemanticLayer.DuplicateName(span, kind, name, seen[id]));
        return false;
    }

    private void AddSemanticModel(LoadedProject unit, SchemaFile file, SemanticModelDefinition model, string id, NodeLookup lookup,
        IReadOnlyDictionary<string, ProjectNode> nodes, double created)
    {
        var node = Header(unit, file, "semantic_model", id, model.Name);
        node["model"] = model.Model;
        node["node_relation"] = null;
        var parents = new List<string>();
        var refs = new List<object?>();
        if (model.Model is not null)
        {
            var span = model.ModelSpan ?? model.Span;
            if (RefExpression.Parse(model.Model, span) is not { } call)
                _diagnostics.Add(DiagnosticCodes.SemanticLayer.BadModelRef(span, model.Name, model.Model));
            else
            {
                refs.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = call.Name, ["package"] = call.Package, ["version"] = call.Version?.Value });
                if (lookup.ResolveRef(call, unit.Name, out var diagnostic) is { } target && nodes.TryGetValue(target.UniqueId, out var resolved))
                {
                    parents.Add(resolved.UniqueId);
                    node["node_relation"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["alias"] = resolved.Relation.Identifier,
                        ["schema_name"] = resolved.Relation.Schema,
                        ["database"] = resolved.Relation.Database,
                        ["relation_name"] = resolved.Materialized == "ephemeral" ? null : resolved.Relation.Render(),
                    };
                }
                else if (diagnostic is not null) _diagnostics.Add(DiagnosticCodes.SemanticLayer.UnknownModelRef(diagnostic, model.Name));
            }
        }
        Compose(node, model.Fields, before: "config", ("depends_on", DependsOn(parents)), ("refs", refs), ("created_at", created));
        foreach (var measure in model.MeasureNames) _measureOwner.TryAdd(measure, id);
        _result.SemanticModels[id] = node;
        _result.Parents[id] = parents;
    }

    /// <summary>dbt's _process_metric_node: input_measures and depends_on, recursing into input metrics first.</summary>
    private List<object?> LinkMetric(string name)
    {
        var (id, metric, node) = _metrics[name];
        var typeParams = (Dictionary<string, object?>)node["type_params"]!;
        var inputMeasures = (List<object?>)typeParams["input_measures"]!;
        if (_linked.Contains(name) || !_linking.Add(name)) return inputMeasures;
        var parents = new List<string>();
        foreach (var (reference, input) in metric.Measures)
        {
            AddInputMeasure(inputMeasures, input);
            if (_measureOwner.TryGetValue(reference.Name, out var owner)) AddOnce(parents, owner);
            else
                _diagnostics.Add(DiagnosticCodes.SemanticLayer.UnknownMeasure(reference.Span, metric.Name, reference.Name,
                    NameSuggester.Nearest(reference.Name, _measureOwner.Keys)));
        }
        foreach (var reference in metric.InputMetrics)
        {
            if (!_metrics.TryGetValue(reference.Name, out var upstream))
            {
                _diagnostics.Add(DiagnosticCodes.SemanticLayer.UnknownMetric(reference.Span, $"metric '{metric.Name}'", reference.Name,
                    NameSuggester.Nearest(reference.Name, _metrics.Keys)));
                continue;
            }
            foreach (var input in LinkMetric(reference.Name)) AddInputMeasure(inputMeasures, input);
            AddOnce(parents, upstream.Id);
        }
        node["depends_on"] = DependsOn(parents);
        node["refs"] = new List<object?>();
        node["metrics"] = new List<object?>();
        node["group"] = ((Dictionary<string, object?>)node["config"]!)["group"];
        MoveToEnd(node, "created_at");
        MoveToEnd(node, "group");
        _result.Parents[id] = parents;
        _linking.Remove(name);
        _linked.Add(name);
        return inputMeasures;
    }

    private void AddSavedQuery(LoadedProject unit, SchemaFile file, SavedQueryDefinition query, string id, TargetInfo target, double created)
    {
        var parents = new List<string>();
        foreach (var reference in query.Metrics)
        {
            if (_metrics.TryGetValue(reference.Name, out var metric)) AddOnce(parents, metric.Id);
            else
                _diagnostics.Add(DiagnosticCodes.SemanticLayer.UnknownMetric(reference.Span, $"saved query '{query.Name}'", reference.Name,
                    NameSuggester.Nearest(reference.Name, _metrics.Keys)));
        }
        var node = Compose(Header(unit, file, "saved_query", id, query.Name), query.Fields, before: "tags",
            ("depends_on", DependsOn(parents)), ("created_at", created), ("refs", new List<object?>()));
        // An export with no schema or database of its own lands in the target's, as dbt's generate_*_name gives.
        foreach (var export in ((List<object?>)node["exports"]!).Cast<Dictionary<string, object?>>())
        {
            var config = (Dictionary<string, object?>)export["config"]!;
            config["schema_name"] ??= target.Schema;
            config["database"] ??= target.Database;
        }
        _result.SavedQueries[id] = node;
        _result.Parents[id] = parents;
    }

    private static void AddInputMeasure(List<object?> inputs, object? input)
    {
        var name = ((IReadOnlyDictionary<string, object?>)input!)["name"];
        if (!inputs.Any(i => Equals(((IReadOnlyDictionary<string, object?>)i!)["name"], name) && SameInput(i, input))) inputs.Add(input);
    }

    private static bool SameInput(object? a, object? b) =>
        ReferenceEquals(a, b) || Context.Functions.CompactJson.Serialize(a) == Context.Functions.CompactJson.Serialize(b);

    private static void AddOnce(List<string> list, string id)
    {
        if (!list.Contains(id)) list.Add(id);
    }

    private static void MoveToEnd(Dictionary<string, object?> node, string key)
    {
        if (!node.Remove(key, out var value)) return;
        node[key] = value;
    }

    private static Dictionary<string, object?> DependsOn(List<string> parents) => new(StringComparer.Ordinal)
    {
        ["macros"] = new List<object?>(),
        ["nodes"] = parents.Cast<object?>().ToList(),
    };

    /// <summary>The fields every semantic-layer entry starts with; path is relative to the YAML file's resource folder, as dbt writes it.</summary>
    private static Dictionary<string, object?> Header(LoadedProject unit, SchemaFile file, string type, string id, string name)
    {
        var original = unit.PathInProject(file.Source.Path) ?? file.Source.Path;
        var roots = unit.ProjectFile.ModelPaths.Select(r => r.TrimEnd('/') + "/");
        var root = roots.FirstOrDefault(r => original.StartsWith(r, StringComparison.Ordinal));
        var path = root is null ? original : original[root.Length..];
        var fqn = new List<object?> { unit.Name };
        fqn.AddRange(path.Split('/')[..^1]);
        fqn.Add(name);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["resource_type"] = type,
            ["package_name"] = unit.Name,
            ["path"] = path,
            ["original_file_path"] = original,
            ["unique_id"] = id,
            ["fqn"] = fqn,
        };
    }

    /// <summary>Appends <paramref name="fields"/> to <paramref name="node"/>, putting <paramref name="extra"/> before the key <paramref name="before"/> (or last).</summary>
    private static Dictionary<string, object?> Compose(Dictionary<string, object?> node, IReadOnlyDictionary<string, object?> fields, string? before,
        params (string Key, object? Value)[] extra)
    {
        foreach (var (key, value) in fields)
        {
            if (key == before) foreach (var (k, v) in extra) node[k] = v;
            node[key] = Copy(value);
        }
        if (before is null || !fields.ContainsKey(before)) foreach (var (k, v) in extra) node[k] = v;
        return node;
    }

    // Definitions are shared by every compile of a loaded project; the manifest's nodes are edited (input_measures, exports), so copy.
    private static object? Copy(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Copy(kv.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(Copy).ToList(),
        _ => value,
    };
}
