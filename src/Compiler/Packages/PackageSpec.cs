using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// One entry of packages.yml (or of a package's own packages.yml, or of a hub version's dependency
/// list), rendered. <see cref="HashFields"/> is the entry as dbt's PackageSpec.to_dict() gives it,
/// the input of the lock file's sha1_hash.
/// </summary>
internal sealed record PackageSpec
{
    public required PackageKind Kind { get; init; }

    /// <summary>Hub: namespace/name. Git and tarball: the rendered URL. Local: the path as written.</summary>
    public required string Location { get; init; }

    /// <summary>The URL as written (env_var calls unrendered): what the lock file keeps, so secrets stay out of it.</summary>
    public string? UnrenderedLocation { get; init; }

    /// <summary>Hub version specifiers, one per list item.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    public bool InstallPrerelease { get; init; }

    public string? Revision { get; init; }

    public string? Subdirectory { get; init; }

    /// <summary>dbt maps a missing warn-unpinned to true.</summary>
    public bool WarnUnpinned { get; init; } = true;

    /// <summary>`name:`: required for a tarball (its project name); in the lock file, every package's installed name.</summary>
    public string? Name { get; init; }

    /// <summary>The entry in its file; null for dependencies read from the hub's JSON.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>"packages.yml", or the package (with its version) whose own dependencies list this entry.</summary>
    public string RequiredBy { get; init; } = "packages.yml";

    public IReadOnlyDictionary<string, object?> HashFields { get; init; } = new Dictionary<string, object?>();

    /// <summary>How the package is shown in messages.</summary>
    public string Display => Kind switch
    {
        PackageKind.Git or PackageKind.Tarball => UnrenderedLocation ?? Location,
        _ => Location,
    };
}
