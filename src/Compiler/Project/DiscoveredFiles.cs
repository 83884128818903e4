namespace ModelForge.Compiler.Project;

/// <summary>The discovered files, each list sorted by path.</summary>
public sealed class DiscoveredFiles
{
    internal DiscoveredFiles(IReadOnlyList<ProjectFileEntry> all)
    {
        All = all;
        // A loop, not Where().ToList(): that builds through a helper with no precompiled code.
        IReadOnlyList<ProjectFileEntry> Of(ResourceType type)
        {
            var files = new List<ProjectFileEntry>();
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i].ResourceType == type) files.Add(all[i]);
            }
            return files;
        }
        Models = Of(ResourceType.Model);
        Seeds = Of(ResourceType.Seed);
        Snapshots = Of(ResourceType.Snapshot);
        SingularTests = Of(ResourceType.Test);
        Macros = Of(ResourceType.Macro);
        Analyses = Of(ResourceType.Analysis);
        YamlFiles = Of(ResourceType.Yaml);
        DocsFiles = Of(ResourceType.Docs);
    }

    public IReadOnlyList<ProjectFileEntry> All { get; }

    public IReadOnlyList<ProjectFileEntry> Models { get; }

    public IReadOnlyList<ProjectFileEntry> Seeds { get; }

    public IReadOnlyList<ProjectFileEntry> Snapshots { get; }

    public IReadOnlyList<ProjectFileEntry> SingularTests { get; }

    public IReadOnlyList<ProjectFileEntry> Macros { get; }

    public IReadOnlyList<ProjectFileEntry> Analyses { get; }

    /// <summary>Schema YAML (*.yml, *.yaml) under model, seed, snapshot, macro, test and analysis paths.</summary>
    public IReadOnlyList<ProjectFileEntry> YamlFiles { get; }

    /// <summary>Markdown files holding docs blocks.</summary>
    public IReadOnlyList<ProjectFileEntry> DocsFiles { get; }
}
