using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// forge_project.yml (or dbt_project.yml) as parsed. Paths are relative to the project root with '/'
/// separators. Config trees (<see cref="Models"/>, …) are kept raw: keys with or without '+',
/// folders as nested mappings; <see cref="ConfigResolver"/> interprets them.
/// </summary>
public sealed record ProjectFile
{
    /// <summary>The file as read; its path is relative to the project root.</summary>
    public required SourceText Source { get; init; }

    public required string Name { get; init; }

    public string? Version { get; init; }

    /// <summary>The profile to look up in profiles.yml; the project name when the file has none.</summary>
    public required string Profile { get; init; }

    public IReadOnlyList<string> ModelPaths { get; init; } = ["models"];

    public IReadOnlyList<string> SeedPaths { get; init; } = ["seeds"];

    public IReadOnlyList<string> TestPaths { get; init; } = ["tests"];

    public IReadOnlyList<string> MacroPaths { get; init; } = ["macros"];

    public IReadOnlyList<string> SnapshotPaths { get; init; } = ["snapshots"];

    public IReadOnlyList<string> AnalysisPaths { get; init; } = ["analyses"];

    /// <summary>Where docs blocks (*.md) live; empty means every resource path, as in dbt.</summary>
    public IReadOnlyList<string> DocsPaths { get; init; } = [];

    public string TargetPath { get; init; } = "target";

    /// <summary>Where <c>forge deps</c> installs packages and where they are loaded from (dbt's <c>packages-install-path</c>).</summary>
    public string PackagesInstallPath { get; init; } = "dbt_packages";

    /// <summary>The raw <c>require-dbt-version</c> ranges (a string or a list in the file), empty when absent.</summary>
    public IReadOnlyList<string> RequireDbtVersion { get; init; } = [];

    public IReadOnlyList<string> CleanTargets { get; init; } = ["target"];

    /// <summary><c>restrict-access:</c> when installed as a package, its protected and private models refuse refs from other packages (dbt 1.5).</summary>
    public bool RestrictAccess { get; init; }

    /// <summary>
    /// Project vars: global ones overlaid by this project's own scope (<c>vars: {name: {...}}</c>).
    /// Scopes of other packages cannot be told from a mapping var and stay as mappings.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Vars { get; init; } = Empty;

    /// <summary>
    /// The <c>vars:</c> mapping as written: global vars and package scopes side by side. Packages'
    /// vars are layered from it (dbt's VarProvider; see PackageVars).
    /// </summary>
    public IReadOnlyDictionary<string, object?> VarsAsWritten { get; init; } = Empty;

    /// <summary>The <c>models:</c> config tree.</summary>
    public IReadOnlyDictionary<string, object?> Models { get; init; } = Empty;

    public IReadOnlyDictionary<string, object?> Seeds { get; init; } = Empty;

    public IReadOnlyDictionary<string, object?> Snapshots { get; init; } = Empty;

    /// <summary>The <c>data_tests:</c> tree, merged with the older <c>tests:</c> spelling.</summary>
    public IReadOnlyDictionary<string, object?> DataTests { get; init; } = Empty;

    /// <summary>The <c>unit_tests:</c> config tree (dbt 1.8: +enabled, +tags, +meta by [project, model folders…, model, test]).</summary>
    public IReadOnlyDictionary<string, object?> UnitTests { get; init; } = Empty;

    public IReadOnlyDictionary<string, object?> Sources { get; init; } = Empty;

    public IReadOnlyDictionary<string, object?> Analyses { get; init; } = Empty;

    /// <summary>Hooks stay unrendered: they are rendered at run time.</summary>
    public IReadOnlyList<string> OnRunStart { get; init; } = [];

    public IReadOnlyList<string> OnRunEnd { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Quoting { get; init; } = Empty;

    /// <summary>The <c>dispatch:</c> list, kept raw for adapter.dispatch.</summary>
    public IReadOnlyList<object?> Dispatch { get; init; } = [];

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}
