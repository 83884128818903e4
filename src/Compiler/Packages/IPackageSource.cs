using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// What resolution needs from the outside world: the hub's versions of a package and, for a pinned
/// package, its project name and its own dependencies. Failures throw <see cref="DiagnosticException"/>
/// at <c>span</c> (the entry that asked for the package).
/// </summary>
internal interface IPackageSource
{
    /// <summary>Every version the hub lists for <paramref name="package"/>.</summary>
    IReadOnlyList<string> HubVersions(string package, SourceSpan? span);

    /// <summary>Fetches the package (cached for the run) and reads what it is.</summary>
    FetchedPackage Fetch(ResolvedPackage package);
}

/// <summary>A fetched package: its project name, the commit a git revision named, its dependencies.</summary>
internal sealed record FetchedPackage(string ProjectName, string? Commit, IReadOnlyList<PackageSpec> Dependencies);
