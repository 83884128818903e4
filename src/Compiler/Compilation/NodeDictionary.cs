using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Project;
using F = ModelForge.Compiler.Compilation.NodeFieldNames;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// A node in the manifest's shape, as plain values: what templates see as <c>model</c> and
/// <c>graph.nodes[...]</c>, and what manifest.json holds.
/// </summary>
public static partial class NodeDictionary
{
    public static Dictionary<string, object?> Of(ProjectNode node) => Of(node, null);

    /// <summary>
    /// The node with its column-level lineage: each column gains <c>lineage</c> (and
    /// <c>unresolved</c> when some origin is unknown), columns found in the SQL but not declared
    /// in YAML are added (the output column order is in column_lineage.json: dbt's schema allows no extra node field).
    /// </summary>
    public static Dictionary<string, object?> Of(ProjectNode node, ModelLineage? lineage)
    {
        var sink = new NodeDictionarySink();
        Write(node, sink, lineage);
        return sink.Result;
    }

    /// <summary>
    /// The node's fields in the manifest's order. Sources (v12 SourceDefinition) have identifier
    /// instead of alias, their own fields and no edges; seeds depend on macros only and have no refs or sources.
    /// </summary>
    internal static void Write(ProjectNode node, INodeFieldSink sink, ModelLineage? lineage = null)
    {
        var relation = node.Relation;
        var source = node.SourceTable;
        sink.String(F.UniqueId, node.UniqueId);
        sink.String(F.Name, node.Name);
        sink.String(F.ResourceType, ArtifactNameOf(node.ResourceType));
        sink.String(F.PackageName, node.PackageName);
        sink.String(F.Path, PathInResourceFolder(node));
        sink.String(F.OriginalFilePath, node.OriginalFilePath ?? node.Path);
        sink.Strings(F.Fqn, node.Fqn);
        sink.String(F.Database, relation.Database);
        sink.String(F.Schema, relation.Schema);
        // A source's fields took the places of the ones it has not (the order dbt-compatible tools have seen).
        if (source is null) sink.String(F.Alias, relation.Identifier);
        else sink.String(F.LoadedAtField, source.LoadedAtField);
        sink.String(F.RelationName, node.Config.Materialized == "ephemeral" ? null : relation.Render());
        sink.String(F.Description, node.Description ?? "");
        sink.Strings(F.Tags, node.Config.Tags);
        sink.Value(F.Meta, node.Config.Meta);
        sink.Value(F.Config, node.Config);
        if (source is not null)
        {
            sink.String(F.Loader, source.Loader);
            sink.String(F.SourceDescription, source.SourceDescription ?? "");
            sink.String(F.SourceName, source.SourceName);
        }
        else
        {
            sink.StartObject(F.DependsOn);
            sink.StartArray(F.Macros);
            sink.EndArray();
            if (node.ResourceType != ResourceType.Seed) sink.Strings(F.Nodes, node.DependsOn);
            sink.EndObject();
            if (node.ResourceType != ResourceType.Seed) WriteEdges(node, sink);
        }
        WriteColumns(node.Properties?.Columns ?? node.SourceTable?.Columns ?? [], lineage, sink);
        if (source is not null)
        {
            sink.String(F.Identifier, relation.Identifier);
            return;
        }
        if (node.File is { } file)
        {
            sink.String(F.RawCode, file.Source.Text);
            WriteChecksum(sink, "sha256", file.Source.Sha256);
        }
        if (node.Test is { } test)
        {
            WriteTestMetadata(test, sink);
            sink.String(F.ColumnName, test.ColumnName);
            sink.String(F.AttachedNode, test.AttachedNodeId);
            // A generic test has no file of its own; dbt writes this placeholder checksum for it.
            if (node.File is null) WriteChecksum(sink, "none", "");
        }
        sink.String(F.Group, AccessRules.GroupOf(node));
        WriteNodeFields(node, sink);
        if (node.ResourceType == ResourceType.Model)
        {
            sink.String(F.Access, AccessRules.AccessOf(node));
            sink.Value(F.Version, node.Version?.Value);
            sink.Value(F.LatestVersion, node.ModelVersion?.Latest.Value);
            sink.String(F.DeprecationDate, node.ModelVersion?.DeprecationDate?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // ArtifactName per type, taken once: it formats the enum and lowers the result on every call (two strings a node).
    private static readonly string[] ArtifactNames = ArtifactNamesByType();

    private static string ArtifactNameOf(ResourceType type) =>
        (uint)type < (uint)ArtifactNames.Length ? ArtifactNames[(int)type] : type.ArtifactName();

    // Entry i is value i's name, whatever values the enum declares; Enum.GetNames(Type) is precompiled, GetValues<T> is not.
    private static string[] ArtifactNamesByType()
    {
        var names = new string[Enum.GetNames(typeof(ResourceType)).Length];
        for (var i = 0; i < names.Length; i++) names[i] = ((ResourceType)i).ArtifactName();
        return names;
    }

    private static readonly JsonEncodedText KwargsName = JsonEncodedText.Encode("kwargs");
    private static readonly JsonEncodedText NamespaceName = JsonEncodedText.Encode("namespace");

    // TestMetadata.ToManifest's fields, streamed: no dictionary per test (9,383 at 10,000 models).
    private static void WriteTestMetadata(DataTests.TestMetadata test, INodeFieldSink sink)
    {
        sink.StartObject(F.TestMetadata);
        sink.String(F.Name, test.TestName);
        sink.Value(KwargsName, test.ManifestKwargs);
        sink.String(NamespaceName, test.Namespace);
        sink.EndObject();
    }

    private static void WriteEdges(ProjectNode node, INodeFieldSink sink)
    {
        sink.StartArray(F.Refs);
        // By index: enumerating the interface allocates an enumerator per node.
        var refs = node.Refs;
        for (var i = 0; i < refs.Count; i++)
        {
            var r = refs[i];
            sink.StartObjectItem();
            sink.String(F.Name, r.Name);
            sink.String(F.Package, r.Package);
            sink.Value(F.Version, r.Version?.Value);
            sink.EndObject();
        }
        sink.EndArray();
        sink.StartArray(F.Sources);
        var sources = node.Sources;
        for (var i = 0; i < sources.Count; i++) sink.StringsItem([sources[i].Source, sources[i].Table]);
        sink.EndArray();
    }

    /// <summary>The checksum object of a node: ManifestPatch writes a changed file's the same way.</summary>
    internal static void WriteChecksum(INodeFieldSink sink, string name, string checksum)
    {
        sink.StartObject(F.Checksum);
        sink.String(F.Name, name);
        sink.String(F.Checksum, checksum);
        sink.EndObject();
    }

    /// <summary>
    /// dbt's <c>path</c>: a file's path inside its resource folder (<c>staging/stg_x.sql</c> for
    /// <c>models/staging/stg_x.sql</c>), a generic test's compiled file name, and for what YAML
    /// defines, the YAML file as <c>original_file_path</c> has it.
    /// </summary>
    internal static string PathInResourceFolder(ProjectNode node)
    {
        if (node.Test is { } test && node.File is null) return $"{test.CompiledName}.sql";
        if (node.File is not { } file) return node.OriginalFilePath ?? node.Path;
        var name = System.IO.Path.GetFileName(file.Path);
        return file.FqnPath.Count == 0 ? name : $"{string.Join('/', file.FqnPath)}/{name}";
    }

    // Optional fields of dbt's compiled node types that tools read (dbt docs, dbt-bouncer, Recce):
    // the YAML file that described the node, the language, docs visibility and the contract.
    private static void WriteNodeFields(ProjectNode node, INodeFieldSink sink)
    {
        sink.String(F.PatchPath, PatchPath(node));
        var docs = node.Config.Get("docs") as IReadOnlyDictionary<string, object?>;
        sink.StartObject(F.Docs);
        sink.Bool(F.Show, docs?.GetValueOrDefault("show") is not (false or "false" or "False"));
        sink.Value(F.NodeColor, docs?.GetValueOrDefault("node_color"));
        sink.EndObject();
        sink.String(F.BuildPath, null);
        if (node.ResourceType == ResourceType.Seed) return;
        sink.String(F.Language, "sql");
        sink.StartArray(F.DocBlocks);
        sink.EndArray();
        sink.StartArray(F.Metrics);
        sink.EndArray();
        if (node.ResourceType != ResourceType.Model) return;
        var contract = node.Config.Get("contract") as IReadOnlyDictionary<string, object?>;
        sink.StartObject(F.Contract);
        sink.Bool(F.Enforced, node.Config.ContractEnforced);
        sink.Bool(F.AliasTypes, contract?.GetValueOrDefault("alias_types") is not (false or "false" or "False"));
        sink.Value(F.Checksum, null);
        sink.EndObject();
    }

    // dbt writes "<package>://<yml path in the package>" for the properties file that patched a node.
    private static string? PatchPath(ProjectNode node)
    {
        if (node.Properties?.Span.Path is not { } yml) return null;
        // A package's paths carry its folder (dbt_packages/p/...); original_file_path shows how much.
        if (node.OriginalFilePath is { } original && node.Path.EndsWith(original, StringComparison.Ordinal))
        {
            var prefix = node.Path[..^original.Length];
            if (yml.StartsWith(prefix, StringComparison.Ordinal)) yml = yml[prefix.Length..];
        }
        return $"{node.PackageName}://{yml.Replace('\\', '/')}";
    }

    private static void WriteColumns(IReadOnlyList<ColumnProperties> declared, ModelLineage? lineage, INodeFieldSink sink)
    {
        // A name declared twice keeps its first place and its last properties, as a dictionary does;
        // lineage merges into the columns by name (LineageColumns). Only the columns are built as
        // values then: the rest of the node still streams.
        var repeated = HasRepeatedName(declared);
        if (lineage is not null && !repeated && TryWriteWithLineage(declared, lineage, sink)) return;
        if (lineage is not null || repeated)
        {
            var columns = new NodeDictionarySink();
            foreach (var column in declared) WriteColumn(column, columns);
            if (lineage is not null) LineageColumns.Add(columns.Result, lineage);
            sink.Value(F.Columns, columns.Result);
            return;
        }
        sink.StartObject(F.Columns);
        for (var i = 0; i < declared.Count; i++) WriteColumn(declared[i], sink);
        sink.EndObject();
    }

    // Pairwise for the few columns a model declares: the set Distinct built per node was 2% of the manifest's
    // samples at 10,000 models. A set past that, where pairs would cost more.
    private static bool HasRepeatedName(IReadOnlyList<ColumnProperties> declared)
    {
        if (declared.Count > 32) return declared.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() < declared.Count;
        for (var i = 1; i < declared.Count; i++)
            for (var j = 0; j < i; j++)
                if (string.Equals(declared[i].Name, declared[j].Name, StringComparison.Ordinal)) return true;
        return false;
    }

    private static void WriteColumn(ColumnProperties column, INodeFieldSink sink, ColumnLineage? lineage = null)
    {
        sink.StartObject(column.Name);
        sink.String(F.Name, column.Name);
        sink.String(F.Description, column.Description ?? "");
        sink.String(F.DataType, column.DataType);
        sink.Value(F.Meta, column.Meta);
        sink.Strings(F.Tags, column.Tags);
        if (lineage is not null) WriteLineage(lineage, sink);
        sink.EndObject();
    }
}
