using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// A node in the manifest's shape, as plain values: what templates see as <c>model</c> and
/// <c>graph.nodes[...]</c>, and what manifest.json holds.
/// </summary>
public static class NodeDictionary
{
    public static Dictionary<string, object?> Of(ProjectNode node) => Of(node, null);

    /// <summary>
    /// The node with its column-level lineage: each column gains <c>lineage</c> (and
    /// <c>unresolved</c> when some origin is unknown), columns found in the SQL but not declared
    /// in YAML are added (the output column order is in column_lineage.json: dbt's schema allows no extra node field).
    /// </summary>
    public static Dictionary<string, object?> Of(ProjectNode node, ModelLineage? lineage)
    {
        var relation = node.Relation;
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["unique_id"] = node.UniqueId,
            ["name"] = node.Name,
            ["resource_type"] = node.ResourceType.ArtifactName(),
            ["package_name"] = node.PackageName,
            ["path"] = PathInResourceFolder(node),
            ["original_file_path"] = node.OriginalFilePath ?? node.Path,
            ["fqn"] = node.Fqn.Cast<object?>().ToList(),
            ["database"] = relation.Database,
            ["schema"] = relation.Schema,
            ["alias"] = relation.Identifier,
            ["relation_name"] = node.Config.Materialized == "ephemeral" ? null : relation.Render(),
            ["description"] = node.Description ?? "",
            ["tags"] = node.Config.Tags.Cast<object?>().ToList(),
            ["meta"] = node.Config.Meta,
            ["config"] = node.Config,
            ["depends_on"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["macros"] = new List<object?>(),
                ["nodes"] = node.DependsOn.Cast<object?>().ToList(),
            },
            ["refs"] = node.Refs.Select(r => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = r.Name,
                ["package"] = r.Package,
                ["version"] = r.Version?.Value,
            }).ToList(),
            ["sources"] = node.Sources.Select(s => (object?)new List<object?> { s.Source, s.Table }).ToList(),
            ["columns"] = Columns(node),
        };
        if (lineage is not null) LineageColumns.Add(dict, lineage);
        if (node.File is { } file)
        {
            dict["raw_code"] = file.Source.Text;
            dict["checksum"] = Checksum(file.Source.Text);
        }
        if (node.Test is { } test)
        {
            dict["test_metadata"] = test.ToManifest();
            dict["column_name"] = test.ColumnName;
            dict["attached_node"] = test.AttachedNodeId;
            // A generic test has no file of its own; dbt writes this placeholder checksum for it.
            dict.TryAdd("checksum", new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = "none", ["checksum"] = "" });
        }
        if (node.ResourceType != ResourceType.Source) dict["group"] = AccessRules.GroupOf(node);
        if (node.ResourceType != ResourceType.Source) AddNodeFields(dict, node);
        if (node.ResourceType == ResourceType.Model)
        {
            dict["access"] = AccessRules.AccessOf(node);
            dict["version"] = node.Version?.Value;
            dict["latest_version"] = node.ModelVersion?.Latest.Value;
            dict["deprecation_date"] = node.ModelVersion?.DeprecationDate?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }
        if (node.SourceTable is { } table) ShapeSource(dict, table);
        else if (node.ResourceType == ResourceType.Seed) ShapeSeed(dict);
        return dict;
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
    private static void AddNodeFields(Dictionary<string, object?> dict, ProjectNode node)
    {
        dict["patch_path"] = PatchPath(node);
        var docs = node.Config.Get("docs") as IReadOnlyDictionary<string, object?>;
        dict["docs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["show"] = docs?.GetValueOrDefault("show") is not (false or "false" or "False"),
            ["node_color"] = docs?.GetValueOrDefault("node_color"),
        };
        dict["build_path"] = null;
        if (node.ResourceType == ResourceType.Seed) return;
        dict["language"] = "sql";
        dict["doc_blocks"] = new List<object?>();
        dict["metrics"] = new List<object?>();
        if (node.ResourceType != ResourceType.Model) return;
        var contract = node.Config.Get("contract") as IReadOnlyDictionary<string, object?>;
        dict["contract"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["enforced"] = node.Config.ContractEnforced,
            ["alias_types"] = contract?.GetValueOrDefault("alias_types") is not (false or "false" or "False"),
            ["checksum"] = null,
        };
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

    // manifest v12 SourceDefinition: identifier instead of alias, source_description and loader; no edges.
    private static void ShapeSource(Dictionary<string, object?> dict, SourceTable table)
    {
        dict["identifier"] = dict["alias"];
        dict.Remove("alias");
        dict.Remove("depends_on");
        dict.Remove("refs");
        dict.Remove("sources");
        dict["source_name"] = table.SourceName;
        dict["source_description"] = table.SourceDescription ?? "";
        dict["loader"] = table.Loader;
        dict["loaded_at_field"] = table.LoadedAtField;
    }

    // manifest v12 Seed: depends_on holds macros only, and a seed has no refs or sources.
    private static void ShapeSeed(Dictionary<string, object?> dict)
    {
        dict["depends_on"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["macros"] = new List<object?>() };
        dict.Remove("refs");
        dict.Remove("sources");
    }

    private static Dictionary<string, object?> Columns(ProjectNode node)
    {
        var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
        var declared = node.Properties?.Columns ?? node.SourceTable?.Columns ?? [];
        foreach (var column in declared)
        {
            columns[column.Name] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = column.Name,
                ["description"] = column.Description ?? "",
                ["data_type"] = column.DataType,
                ["meta"] = column.Meta,
                ["tags"] = column.Tags.Cast<object?>().ToList(),
            };
        }
        return columns;
    }

    private static Dictionary<string, object?> Checksum(string text) => new(StringComparer.Ordinal)
    {
        ["name"] = "sha256",
        ["checksum"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
    };
}
