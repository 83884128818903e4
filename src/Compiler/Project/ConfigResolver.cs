namespace ModelForge.Compiler.Project;

/// <summary>
/// A node's effective config, as dbt layers it: the project file's config tree (outer folders first,
/// deeper ones override), then the node's schema YAML <c>config:</c>, then the node's own
/// <c>{{ config(...) }}</c>. tags and hooks accumulate, meta/docs/quoting merge, grants merge per
/// privilege (a '+' privilege appends), everything else is replaced by the later layer.
/// </summary>
public sealed partial class ConfigResolver
{
    private readonly ProjectFile _project;
    private readonly ProjectSchema _schema;

    public ConfigResolver(ProjectFile project, ProjectSchema schema)
    {
        _project = project;
        _schema = schema;
    }

    /// <summary>
    /// The config of a discovered file (model, seed, snapshot, singular test, analysis).
    /// <paramref name="inFileConfig"/> is what the file's <c>config(...)</c> calls set, applied last.
    /// </summary>
    public NodeConfig Resolve(ProjectFileEntry node, IReadOnlyDictionary<string, object?>? inFileConfig = null)
    {
        var fqn = Fqn(node.FqnPath, node.Name);
        var yaml = node.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot or ResourceType.Analysis
            ? _schema.Find(node.ResourceType, node.Name)
            : null;
        return Resolve(node.ResourceType, fqn, yaml, inFileConfig);
    }

    /// <summary>
    /// The config of a node by its fully qualified name (<c>[project, folder…, name]</c>), for nodes
    /// without a file (YAML-only snapshots) or when the caller has the pieces.
    /// </summary>
    public NodeConfig Resolve(ResourceType type, IReadOnlyList<string> fqn, NodeProperties? yaml, IReadOnlyDictionary<string, object?>? inFileConfig)
    {
        var config = Defaults(type);
        ApplyTree(config, Tree(type), fqn, 0);
        if (yaml is not null)
        {
            // Property-level tags/meta/docs count as config in dbt.
            if (yaml.Tags.Count > 0) Merge(config, "tags", yaml.Tags.ToList<object?>());
            if (yaml.Meta.Count > 0) Merge(config, "meta", yaml.Meta);
            if (yaml.Docs.Count > 0) Merge(config, "docs", yaml.Docs);
            ApplyAll(config, yaml.Config);
        }
        if (inFileConfig is not null) ApplyAll(config, inFileConfig);
        return new NodeConfig(config, type);
    }

    /// <summary>A source table's config: the <c>sources:</c> tree at [project, source, table], then the source's and the table's <c>config:</c>.</summary>
    public NodeConfig Resolve(SourceTable table)
    {
        var config = Defaults(ResourceType.Source);
        ApplyTree(config, _project.Sources, [_project.Name, table.SourceName, table.Name], 0);
        var source = _schema.Sources.FirstOrDefault(s => s.Name == table.SourceName && s.Tables.Contains(table));
        if (source is not null)
        {
            if (source.Tags.Count > 0) Merge(config, "tags", source.Tags.ToList<object?>());
            if (source.Meta.Count > 0) Merge(config, "meta", source.Meta);
            ApplyAll(config, source.Config);
        }
        if (table.Tags.Count > 0) Merge(config, "tags", table.Tags.ToList<object?>());
        if (table.Meta.Count > 0) Merge(config, "meta", table.Meta);
        ApplyAll(config, table.Config);
        if (!table.Enabled) config["enabled"] = false;
        return new NodeConfig(config, ResourceType.Source);
    }

    /// <summary>
    /// A generic test's config: the <c>data_tests:</c> tree at [project, folder of its YAML file…, test name],
    /// then the declaration's own config.
    /// </summary>
    public NodeConfig Resolve(TestDeclaration test)
    {
        var fqn = Fqn(YamlFolders(test.Span.Path), test.CustomName ?? test.Name);
        return Resolve(ResourceType.Test, fqn, null, test.Config);
    }

    private List<string> Fqn(IReadOnlyList<string> folders, string name)
    {
        var fqn = new List<string>(folders.Count + 2) { _project.Name };
        fqn.AddRange(folders);
        fqn.Add(name);
        return fqn;
    }

    private IReadOnlyList<string> YamlFolders(string path)
    {
        foreach (var root in _project.ModelPaths.Concat(_project.SeedPaths).Concat(_project.SnapshotPaths).Concat(_project.TestPaths))
        {
            if (root != "." && !path.StartsWith(root + "/", StringComparison.Ordinal)) continue;
            var relative = root == "." ? path : path[(root.Length + 1)..];
            return relative.Split('/')[..^1];
        }
        return [];
    }

    private IReadOnlyDictionary<string, object?> Tree(ResourceType type) => type switch
    {
        ResourceType.Model => _project.Models,
        ResourceType.Seed => _project.Seeds,
        ResourceType.Snapshot => _project.Snapshots,
        ResourceType.Test => _project.DataTests,
        ResourceType.Source => _project.Sources,
        ResourceType.Analysis => _project.Analyses,
        _ => Empty.Dictionary,
    };

    private static Dictionary<string, object?> Defaults(ResourceType type)
    {
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (NodeConfig.DefaultMaterialized(type) is { } materialized) config["materialized"] = materialized;
        config["enabled"] = true;
        config["tags"] = new List<object?>();
        config["meta"] = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (type is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot)
        {
            config["pre-hook"] = new List<object?>();
            config["post-hook"] = new List<object?>();
        }
        if (type == ResourceType.Test)
        {
            // dbt's test defaults.
            config["severity"] = "ERROR";
            config["warn_if"] = "!= 0";
            config["error_if"] = "!= 0";
            config["fail_calc"] = "count(*)";
        }
        return config;
    }
}
