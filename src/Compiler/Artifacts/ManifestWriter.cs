using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Writes target/manifest.json in the shape of dbt's manifest: nodes (models, seeds, snapshots,
/// tests), sources, unit_tests, macros, parent_map and child_map.
/// </summary>
public static partial class ManifestWriter
{
    /// <param name="lineage">Column-level lineage by unique id (ColumnLineageBuilder), written into each model's columns when given.</param>
    public static void Write(Stream stream, CompiledProject project, string invocationId, DateTimeOffset generatedAt,
        IReadOnlyDictionary<string, ModelLineage>? lineage = null) =>
        Write(stream, project, invocationId, generatedAt, lineage, null);

    /// <param name="compiled">The nodes this command compiled; the others get <c>compiled: false</c> and null code and path.</param>
    internal static void Write(Stream stream, CompiledProject project, string invocationId, DateTimeOffset generatedAt,
        IReadOnlyDictionary<string, ModelLineage>? lineage, CompiledCode? compiled)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        ArtifactJson.WriteMetadataFields(json, "https://schemas.getdbt.com/dbt/manifest/v12.json", generatedAt, invocationId);
        json.WriteString("project_name", project.Name);
        json.WriteString("adapter_type", project.Project.Target.Type);
        json.WriteEndObject();

        // Nodes are most of the file: serialized on every core, written in order.
        var nodes = project.Order.Select(id => project.Nodes[id]).ToList();
        json.WriteStartObject("nodes");
        JsonFragments.WriteEntries(json, nodes.Where(n => n.ResourceType is not (ResourceType.Source or ResourceType.UnitTest)).ToList(), 2,
            node => node.UniqueId,
            (writer, node) => JsonValueWriter.Write(writer, WithCompiled(node, lineage?.GetValueOrDefault(node.UniqueId) is { } model
                ? NodeDictionary.Of(node, model)
                : project.NodeDictionaryOf(node.UniqueId), compiled)));
        json.WriteEndObject();

        json.WriteStartObject("sources");
        JsonFragments.WriteEntries(json, nodes.Where(n => n.ResourceType == ResourceType.Source).ToList(), 2,
            node => node.UniqueId, (writer, node) => JsonValueWriter.Write(writer, project.NodeDictionaryOf(node.UniqueId)));
        json.WriteEndObject();

        // dbt 1.8 keeps unit tests in a map of their own.
        json.WriteStartObject("unit_tests");
        foreach (var node in project.OfType(ResourceType.UnitTest))
        {
            json.WritePropertyName(node.UniqueId);
            JsonValueWriter.Write(json, UnitTests.UnitTestDictionary.Of(node));
        }
        json.WriteEndObject();

        json.WriteStartObject("macros");
        foreach (var package in project.Macros.Packages.Order(StringComparer.Ordinal))
        {
            foreach (var name in project.Macros.NamesIn(package).Order(StringComparer.Ordinal))
            {
                var macro = project.Macros.FindInPackage(package, name)!;
                WriteMacro(json, project, package, name, macro);
            }
        }
        json.WriteEndObject();

        WriteSectionsBeforeMaps(json, project);
        var semanticChildren = SemanticChildren(project);
        WriteMap(json, "parent_map", project, id => project.Graph.Parents(id), project.SemanticLayer.Parents);
        WriteMap(json, "child_map", project, id => project.Graph.Children(id).Concat(semanticChildren.GetValueOrDefault(id) ?? []),
            project.SemanticLayer.Ids.ToDictionary(id => id, id => semanticChildren.GetValueOrDefault(id) ?? []));
        WriteSectionsAfterMaps(json, project);
        json.WriteEndObject();
    }

    // dbt's compiled node types (all but seeds) carry compiled_path, compiled and compiled_code; they stay
    // out of the template-visible dictionaries, which dbt fills only while it executes a node.
    private static object? WithCompiled(ProjectNode node, object? dictionary, CompiledCode? compiled)
    {
        if (node.ResourceType == ResourceType.Seed || dictionary is not IReadOnlyDictionary<string, object?> fields) return dictionary;
        (string Path, Utf8Text Code) code = default;
        var found = compiled is not null && compiled.TryGet(node.UniqueId, out code);
        return new Dictionary<string, object?>(fields, StringComparer.Ordinal)
        {
            ["compiled_path"] = found ? code.Path : null,
            ["compiled"] = found,
            ["compiled_code"] = found ? code.Code : null,
        };
    }

    private static void WriteMap(Utf8JsonWriter json, string name, CompiledProject project, Func<string, IEnumerable<string>> edges,
        IReadOnlyDictionary<string, List<string>> semantic)
    {
        json.WriteStartObject(name);
        foreach (var id in project.Order)
        {
            json.WriteStartArray(id);
            foreach (var other in edges(id)) json.WriteStringValue(other);
            json.WriteEndArray();
        }
        foreach (var (id, others) in semantic)
        {
            json.WriteStartArray(id);
            foreach (var other in others) json.WriteStringValue(other);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
