namespace ModelForge.Compiler.Project;

/// <summary>
/// A project ready for rendering: its file, target, vars, files and schema YAML. Installed
/// packages are loaded projects too (<see cref="Packages"/>): same shape, their own project file,
/// files and schema, with paths relative to the root project's folder.
/// </summary>
public sealed record LoadedProject
{
    /// <summary>The absolute folder of the root project (also for a package: paths are relative to it).</summary>
    public required string Root { get; init; }

    /// <summary>The project's name: the package name of its nodes and macros.</summary>
    public string Name => ProjectFile.Name;

    /// <summary>For an installed package, its folder relative to <see cref="Root"/> (<c>dbt_packages/dbt_utils</c>); empty for the root project.</summary>
    public string PackageRoot { get; init; } = "";

    public bool IsPackage => PackageRoot.Length > 0;

    /// <summary>A root-relative path as seen from this project's folder (dbt's <c>original_file_path</c>); null when unchanged.</summary>
    internal string? PathInProject(string path) =>
        IsPackage && path.StartsWith(PackageRoot + "/", StringComparison.Ordinal) ? path[(PackageRoot.Length + 1)..] : null;

    /// <summary>The installed packages (dbt_packages/*), sorted by name; empty for a package itself.</summary>
    public IReadOnlyList<LoadedProject> Packages { get; init; } = [];

    /// <summary>The root project followed by its installed packages: every project whose nodes and macros compile.</summary>
    public IEnumerable<LoadedProject> WithPackages => Packages.Prepend(this);

    /// <summary>What packages.yml / dependencies.yml declare (root project only).</summary>
    internal IReadOnlyList<DeclaredPackage> DeclaredPackages { get; init; } = [];

    public required ProjectFile ProjectFile { get; init; }

    public required TargetProfile Target { get; init; }

    /// <summary>The absolute path of the profiles.yml used; null for the embedded default target.</summary>
    public string? ProfilesPath { get; init; }

    /// <summary>The <c>config:</c> block of profiles.yml, raw.</summary>
    public IReadOnlyDictionary<string, object?> UserConfig { get; init; } = Empty.Dictionary;

    /// <summary>Project vars overlaid by --vars; for a package, its vars layered as dbt does (dbt's VarProvider; see PackageVars).</summary>
    public required IReadOnlyDictionary<string, object?> Vars { get; init; }

    public required DiscoveredFiles Files { get; init; }

    public IReadOnlyList<ProjectFileEntry> Models => Files.Models;

    public IReadOnlyList<ProjectFileEntry> Seeds => Files.Seeds;

    public IReadOnlyList<ProjectFileEntry> Snapshots => Files.Snapshots;

    public IReadOnlyList<ProjectFileEntry> SingularTests => Files.SingularTests;

    public IReadOnlyList<ProjectFileEntry> Macros => Files.Macros;

    public IReadOnlyList<ProjectFileEntry> Analyses => Files.Analyses;

    public required ProjectSchema Schema { get; init; }

    public IReadOnlyList<SourceDefinition> Sources => Schema.Sources;

    /// <summary>Resolves effective configs against this project's config trees and schema YAML.</summary>
    public required ConfigResolver Configs { get; init; }
}
