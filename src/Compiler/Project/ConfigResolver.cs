namespace ModelForge.Compiler.Project;

/// <summary>
/// A node's effective config, as dbt layers it: the project file's config tree (outer folders first,
/// deeper ones override), then the node's schema YAML <c>config:</c>, then the node's own
/// <c>{{ config(...) }}</c>. tags and hooks accumulate, meta/docs/quoting merge, grants merge per
/// privilege (a '+' privilege appends), everything else is replaced by the later layer.
/// For a node of an installed package the package's own project file gives the tree, and the
/// root project's tree (at <c>[package, folder…, name]</c>) is applied after every other layer,
/// in-file config included, as dbt's <c>calculate_node_config</c> does.
/// </summary>
public sealed partial class ConfigResolver
{
    private readonly ProjectFile _project;
    private readonly ProjectSchema _schema;
    private readonly ProjectFile? _root;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _yamlFolders = new(StringComparer.Ordinal);

    public ConfigResolver(ProjectFile project, ProjectSchema schema)
        : this(project, schema, null)
    {
    }

    /// <param name="root">For an installed package: the root project, whose configs override the package's.</param>
    internal ConfigResolver(ProjectFile project, ProjectSchema schema, ProjectFile? root)
    {
        _project = project;
        _schema = schema;
        _root = root is not null && root.Name != project.Name ? root : null;
    }

    /// <summary>
    /// A file's config before its template renders: the root project's overrides are left out,
    /// because they must also win over what <c>config(...)</c> sets; apply them after the render
    /// with <see cref="ApplyRootOverrides"/>.
    /// </summary>
    /// <remarks>A dictionary the caller owns: the render's <c>config()</c> writes into it.</remarks>
    internal Dictionary<string, object?> ResolveBeforeRenderMutable(ProjectFileEntry node) => ResolveEntries(node, null, rootOverrides: false);

    /// <summary>As <see cref="ResolveBeforeRenderMutable"/>, by fully qualified name.</summary>
    internal NodeConfig ResolveBeforeRender(ResourceType type, IReadOnlyList<string> fqn, NodeProperties? yaml) =>
        Resolve(type, fqn, yaml, null, rootOverrides: false);

    /// <summary>The root project's configs for a package node, applied last (nothing for root nodes).</summary>
    internal void ApplyRootOverrides(Dictionary<string, object?> config, ResourceType type, IReadOnlyList<string> fqn)
    {
        if (_root is not null) ApplyTree(config, Tree(_root, type), fqn, 0);
    }

    /// <summary>
    /// The config of a discovered file (model, seed, snapshot, singular test, analysis).
    /// <paramref name="inFileConfig"/> is what the file's <c>config(...)</c> calls set, applied last.
    /// </summary>
    public NodeConfig Resolve(ProjectFileEntry node, IReadOnlyDictionary<string, object?>? inFileConfig = null) =>
        new(ResolveEntries(node, inFileConfig, rootOverrides: true), node.ResourceType);

    private Dictionary<string, object?> ResolveEntries(ProjectFileEntry node, IReadOnlyDictionary<string, object?>? inFileConfig, bool rootOverrides)
    {
        var config = TreeConfig(node.ResourceType, string.Join('/', node.FqnPath), byYamlPath: false, node.FqnPath, node.Name);
        ApplyLayers(config, YamlOf(node), inFileConfig);
        // The root project's tree walks [package, folder…, name]: only a package node has one, and builds its fqn.
        if (rootOverrides && _root is not null) ApplyRootOverrides(config, node.ResourceType, Fqn(node.FqnPath, node.Name));
        return config;
    }

    private NodeProperties? YamlOf(ProjectFileEntry node) =>
        node.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot or ResourceType.Analysis
            ? _schema.Find(node.ResourceType, node.Name)
            : null;

    /// <summary>
    /// The config of a node by its fully qualified name (<c>[project, folder…, name]</c>), for nodes
    /// without a file (YAML-only snapshots) or when the caller has the pieces.
    /// </summary>
    public NodeConfig Resolve(ResourceType type, IReadOnlyList<string> fqn, NodeProperties? yaml, IReadOnlyDictionary<string, object?>? inFileConfig) =>
        Resolve(type, fqn, yaml, inFileConfig, rootOverrides: true);

    private NodeConfig Resolve(ResourceType type, IReadOnlyList<string> fqn, NodeProperties? yaml, IReadOnlyDictionary<string, object?>? inFileConfig, bool rootOverrides)
    {
        var config = Defaults(type);
        ApplyTree(config, Tree(_project, type), fqn, 0);
        ApplyLayers(config, yaml, inFileConfig);
        if (rootOverrides) ApplyRootOverrides(config, type, fqn);
        return new NodeConfig(config, type);
    }

    /// <summary>The layers after the project tree: the node's schema YAML, then its in-file config.</summary>
    private static void ApplyLayers(Dictionary<string, object?> config, NodeProperties? yaml, IReadOnlyDictionary<string, object?>? inFileConfig)
    {
        if (yaml is not null)
        {
            // Property-level tags/meta/docs count as config in dbt.
            if (yaml.Tags.Count > 0) Merge(config, "tags", yaml.Tags.ToList<object?>());
            if (yaml.Meta.Count > 0) Merge(config, "meta", yaml.Meta);
            if (yaml.Docs.Count > 0) Merge(config, "docs", yaml.Docs);
            ApplyAll(config, yaml.Config);
        }
        if (inFileConfig is not null) ApplyAll(config, inFileConfig);
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
        ApplyRootOverrides(config, ResourceType.Source, [_project.Name, table.SourceName, table.Name]);
        if (!table.Enabled) config["enabled"] = false;
        return new NodeConfig(config, ResourceType.Source);
    }

    /// <summary>
    /// A generic test's config: the <c>data_tests:</c> tree at [project, folder of its YAML file…, test name],
    /// then the declaration's own config.
    /// </summary>
    public NodeConfig Resolve(TestDeclaration test) => new(ResolveMutable(test), ResourceType.Test);

    /// <summary>As <see cref="Resolve(TestDeclaration)"/>, as a dictionary the caller owns.</summary>
    internal Dictionary<string, object?> ResolveMutable(TestDeclaration test)
    {
        var path = test.Span.Path;
        var folders = YamlFolders(path);
        var name = test.CustomName ?? test.Name;
        // Keyed by the YAML file: its folders are the same for each of its tests.
        var config = TreeConfig(ResourceType.Test, path, byYamlPath: true, folders, name);
        ApplyLayers(config, null, test.Config);
        if (_root is not null) ApplyRootOverrides(config, ResourceType.Test, Fqn(folders, name));
        return config;
    }

    private List<string> Fqn(IReadOnlyList<string> folders, string name)
    {
        var fqn = new List<string>(folders.Count + 2) { _project.Name };
        fqn.AddRange(folders);
        fqn.Add(name);
        return fqn;
    }

    // Thousands of tests share a few YAML files: their folders are worked out once per file (renders run in parallel).
    private IReadOnlyList<string> YamlFolders(string path) =>
        _yamlFolders.TryGetValue(path, out var folders) ? folders : _yamlFolders.GetOrAdd(path, FoldersOf);

    private string[] FoldersOf(string path)
    {
        foreach (var root in _project.ModelPaths.Concat(_project.SeedPaths).Concat(_project.SnapshotPaths).Concat(_project.TestPaths))
        {
            if (root != "." && !path.StartsWith(root + "/", StringComparison.Ordinal)) continue;
            var relative = root == "." ? path : path[(root.Length + 1)..];
            return relative.Split('/')[..^1];
        }
        return [];
    }

    private static IReadOnlyDictionary<string, object?> Tree(ProjectFile project, ResourceType type) => type switch
    {
        ResourceType.Model => project.Models,
        ResourceType.Seed => project.Seeds,
        ResourceType.Snapshot => project.Snapshots,
        ResourceType.Test => project.DataTests,
        ResourceType.Source => project.Sources,
        ResourceType.Analysis => project.Analyses,
        ResourceType.UnitTest => project.UnitTests,
        _ => Empty.Dictionary,
    };

    private static Dictionary<string, object?> Defaults(ResourceType type)
    {
        // Sized for the defaults and a few configs more: growing it showed in the parse-phase profile.
        var config = new Dictionary<string, object?>(16, StringComparer.Ordinal);
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
