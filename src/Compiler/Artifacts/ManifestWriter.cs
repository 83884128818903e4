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
    /// <param name="templateDictionary">The dictionary a template read for a node, if any (by default, those read until now).</param>
    /// <param name="index">
    /// When given, records where each file node's and each macro's entry lies and the size and hash of what was written
    /// (<see cref="ManifestIndexRecorder.Index"/>); save it beside the manifest once the manifest is in place.
    /// </param>
    internal static void Write(Stream stream, CompiledProject project, string invocationId, DateTimeOffset generatedAt,
        IReadOnlyDictionary<string, ModelLineage>? lineage, CompiledCode? compiled, Func<string, object?>? templateDictionary = null,
        ManifestIndexRecorder? index = null)
    {
        templateDictionary ??= project.BuiltNodeDictionary;
        var output = index?.Wrap(stream) ?? stream;
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        ArtifactJson.WriteMetadataFields(json, "https://schemas.getdbt.com/dbt/manifest/v12.json", generatedAt, invocationId);
        json.WriteString("project_name", project.Name);
        json.WriteString("adapter_type", project.Project.Target.Type);
        json.WriteEndObject();

        // Nodes are most of the file: serialized on every core, written in order.
        var nodes = project.Order.Select(id => project.Nodes[id]).ToList();
        json.WriteStartObject("nodes");
        var entries = nodes.Where(n => n.ResourceType is not (ResourceType.Source or ResourceType.UnitTest)).ToList();
        JsonFragments.WriteEntries(json, output, entries, 2, node => node.UniqueId, (writer, node) => WriteNode(writer, templateDictionary, node, lineage, compiled, index),
            index is null ? null : (item, start, end) => index.Entry(entries[item], start, end));
        json.WriteEndObject();

        json.WriteStartObject("sources");
        JsonFragments.WriteEntries(json, output, nodes.Where(n => n.ResourceType == ResourceType.Source).ToList(), 2,
            node => node.UniqueId, (writer, node) => WriteNode(writer, templateDictionary, node, null, null, null));
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
                var id = $"macro.{package}.{name}";
                json.WritePropertyName(id);
                // As for nodes: the writer's pending bytes follow those already in the output.
                var start = index is null ? 0 : output.Position + json.BytesPending;
                WriteMacro(json, project, id, package, name, macro);
                index?.Macro(id, start, output.Position + json.BytesPending);
                JsonFlush.IfFull(json);
            }
        }
        json.WriteEndObject();

        WriteSectionsBeforeMaps(json, project);
        var semanticChildren = SemanticChildren(project);
        WriteMap(json, output, "parent_map", project, project.Graph.ParentsAt, null, project.SemanticLayer.Parents);
        WriteMap(json, output, "child_map", project, project.Graph.ChildrenAt, semanticChildren,
            project.SemanticLayer.Ids.ToDictionary(id => id, id => semanticChildren.GetValueOrDefault(id) ?? []));
        WriteSectionsAfterMaps(json, project);
        json.WriteEndObject();
        json.Flush();
        index?.Complete();
    }

    /// <summary>How manifest.json is written: what re-encodes a part of it (ManifestPatch) must use the same.</summary>
    /// <remarks>
    /// Compact, as dbt writes it (json.dumps without indent): indented, the 10,000-model manifest was 73 MB instead of
    /// 57, and the writer spent a fifth of its time on line breaks and spaces.
    /// </remarks>
    internal static readonly JsonWriterOptions Options = new();

    private static readonly JsonEncodedText CompiledPathName = JsonEncodedText.Encode("compiled_path");
    private static readonly JsonEncodedText CompiledName = JsonEncodedText.Encode("compiled");
    private static readonly JsonEncodedText CompiledCodeName = JsonEncodedText.Encode("compiled_code");

    // Written from the node itself, unless a template read the node's dictionary through graph.nodes (the
    // manifest shows what templates saw) or column lineage is to be merged into it.
    private static void WriteNode(Utf8JsonWriter json, Func<string, object?> templateDictionary, ProjectNode node,
        IReadOnlyDictionary<string, ModelLineage>? lineage, CompiledCode? compiled, ManifestIndexRecorder? index)
    {
        // A node with lineage is written afresh (its columns carry it); otherwise as templates left it, if they did.
        var model = lineage?.GetValueOrDefault(node.UniqueId);
        var dictionary = model is null ? templateDictionary(node.UniqueId) : null;
        if (dictionary is not IEnumerable<KeyValuePair<string, object?>> fields)
        {
            json.WriteStartObject();
            NodeDictionary.Write(node, NodeJsonSink.For(json), model);
            WriteCompiledAndEnd(json, node, compiled, index);
            return;
        }
        json.WriteStartObject();
        foreach (var (key, value) in fields)
        {
            json.WritePropertyName(key);
            JsonValueWriter.Write(json, value);
        }
        WriteCompiledAndEnd(json, node, compiled, index);
    }

    // The compiled fields close every entry: the index notes how many bytes they and the closing brace take, so that a
    // patch of a node's compiled code rewrites that tail without reading or parsing the entry (ManifestPatch).
    private static void WriteCompiledAndEnd(Utf8JsonWriter json, ProjectNode node, CompiledCode? compiled, ManifestIndexRecorder? index)
    {
        var start = json.BytesCommitted + json.BytesPending;
        WriteCompiled(json, node, compiled);
        json.WriteEndObject();
        index?.Tail(node, json.BytesCommitted + json.BytesPending - start);
    }

    // dbt's compiled node types (all but seeds and sources) carry compiled_path, compiled and compiled_code; they stay
    // out of the template-visible dictionaries, which dbt fills only while it executes a node.
    private static void WriteCompiled(Utf8JsonWriter json, ProjectNode node, CompiledCode? compiled)
    {
        if (node.ResourceType is ResourceType.Seed or ResourceType.Source) return;
        if (compiled is not null && compiled.TryGet(node.UniqueId, out var code)) WriteCompiledFields(json, code.Path, code.Code.Span);
        else WriteCompiledFields(json, null, default);
    }

    /// <summary>compiled_path, compiled and compiled_code, in this order: the SQL at <paramref name="path"/>, or none when the path is null.</summary>
    internal static void WriteCompiledFields(Utf8JsonWriter json, string? path, ReadOnlySpan<byte> code)
    {
        if (path is not null)
        {
            json.WriteString(CompiledPathName, path);
            json.WriteBoolean(CompiledName, true);
            LongJsonString.Write(json, CompiledCodeName, code);
            return;
        }
        json.WriteNull(CompiledPathName);
        json.WriteBoolean(CompiledName, false);
        json.WriteNull(CompiledCodeName);
    }

    // A node's edges by graph index, then those the semantic layer adds (`more`): no iterator or Concat per node.
    private static void WriteMap(Utf8JsonWriter json, Stream stream, string name, CompiledProject project, Func<int, List<int>> edges,
        Dictionary<string, List<string>>? more, IReadOnlyDictionary<string, List<string>> semantic)
    {
        json.WriteStartObject(name);
        var graph = project.Graph;
        JsonFragments.WriteEntries(json, stream, project.Order, 2, id => id, (writer, id) =>
        {
            writer.WriteStartArray();
            foreach (var other in edges(graph.IndexOf(id))) writer.WriteStringValue(graph.IdAt(other));
            if (more is { Count: > 0 } && more.TryGetValue(id, out var extra))
                foreach (var other in extra) writer.WriteStringValue(other);
            writer.WriteEndArray();
        });
        foreach (var (id, others) in semantic)
        {
            json.WriteStartArray(id);
            foreach (var other in others) json.WriteStringValue(other);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
