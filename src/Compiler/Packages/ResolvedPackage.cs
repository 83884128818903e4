using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// A package pinned to one thing to install: a hub version, a git commit, a local folder or a
/// tarball URL, with the project name it installs under. One entry of package-lock.yml.
/// </summary>
internal sealed record ResolvedPackage
{
    public required PackageKind Kind { get; init; }

    /// <summary>Hub name, rendered URL or local path.</summary>
    public required string Location { get; init; }

    /// <summary>Git and tarball: the URL as written, kept in the lock file instead of the rendered one.</summary>
    public string? UnrenderedLocation { get; init; }

    /// <summary>Hub: the chosen version.</summary>
    public string? Version { get; init; }

    /// <summary>Git: the revision asked for (a tag, a branch, a commit; HEAD when none) and the commit it named.</summary>
    public string? Revision { get; init; }

    public string? Commit { get; init; }

    public string? Subdirectory { get; init; }

    public bool WarnUnpinned { get; init; } = true;

    /// <summary>The project name in the package's dbt_project.yml: the folder it installs into.</summary>
    public string Name { get; init; } = "";

    public SourceSpan? Span { get; init; }

    public string RequiredBy { get; init; } = "packages.yml";

    public string Display => UnrenderedLocation ?? Location;

    /// <summary>What the install line shows after the name.</summary>
    public string VersionText => Kind switch
    {
        PackageKind.Hub => Version ?? "",
        PackageKind.Git => Commit is { } c && c != Revision ? $"{Revision} ({c[..Math.Min(7, c.Length)]})" : Revision ?? "HEAD",
        _ => Kind == PackageKind.Local ? "local" : "tarball",
    };

    public string Source => Kind switch
    {
        PackageKind.Hub => "hub",
        PackageKind.Git => "git",
        PackageKind.Local => "local",
        _ => "tarball",
    };
}
