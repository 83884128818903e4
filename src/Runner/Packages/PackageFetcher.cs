using System.Text.Json;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Packages;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Packages;

/// <summary>
/// Gets packages onto disk for resolution and install: hub metadata (and, to install, its tarball),
/// git clones, tarballs, local folders. Everything downloaded lands under one staging folder inside
/// the install path, so installing is a rename on the same file system. Each package is fetched
/// once per run.
/// </summary>
internal sealed class PackageFetcher(string projectRoot, string stagingRoot, HubClient hub, GitClient git, IYamlValueRenderer renderer,
    SecretScrubber scrubber, CancellationToken cancellation) : IPackageSource
{
    private readonly Dictionary<string, (FetchedPackage Info, string? Folder)> _fetched = new(StringComparer.Ordinal);
    private int _next;

    public IReadOnlyList<string> HubVersions(string package, SourceSpan? span) => hub.Versions(package, span);

    public FetchedPackage Fetch(ResolvedPackage package) => Get(package).Info;

    /// <summary>The folder holding the package's project, downloading a hub tarball if needed.</summary>
    public string Folder(ResolvedPackage package)
    {
        var key = Key(package);
        var (info, folder) = Get(package);
        if (folder is not null) return folder;
        var release = hub.Version(package.Location, package.Version!, package.Span);
        if (!release.TryGetProperty("downloads", out var downloads) || !downloads.TryGetProperty("tarball", out var url) || url.GetString() is not { } tarball)
            throw new DiagnosticException(DiagnosticCodes.Packages.TarballFailed(package.Span, $"{package.Location} {package.Version}", "the hub lists no tarball for it"));
        folder = Unpack(tarball, package.Span);
        _fetched[key] = (info, folder);
        return folder;
    }

    private (FetchedPackage Info, string? Folder) Get(ResolvedPackage package)
    {
        var key = Key(package);
        if (_fetched.TryGetValue(key, out var known)) return known;
        cancellation.ThrowIfCancellationRequested();
        var result = package.Kind switch
        {
            PackageKind.Hub => FetchHub(package),
            PackageKind.Git => FetchGit(package),
            PackageKind.Local => FetchLocal(package),
            _ => FetchTarball(package),
        };
        _fetched[key] = result;
        return result;
    }

    private static string Key(ResolvedPackage p) => $"{p.Kind}|{p.Location}|{p.Version}|{p.Commit ?? p.Revision}|{p.Subdirectory}";

    private (FetchedPackage, string?) FetchHub(ResolvedPackage package)
    {
        var release = hub.Version(package.Location, package.Version!, package.Span);
        var name = release.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : package.Location.Split('/')[^1];
        var dependencies = new List<object?>();
        if (release.TryGetProperty("packages", out var list) && list.ValueKind == JsonValueKind.Array)
            dependencies.AddRange(list.EnumerateArray().Select(ToValue));
        var diagnostics = new DiagnosticBag();
        var specs = PackageSpecReader.FromValues(dependencies, package.Location, package.Span, diagnostics);
        ThrowFirstError(diagnostics);
        return (new FetchedPackage(name, null, specs), null);
    }

    private (FetchedPackage, string?) FetchGit(ResolvedPackage package)
    {
        var clone = NewFolder();
        var commit = git.Checkout(package.Location, package.Commit ?? package.Revision ?? "HEAD", clone, scrubber.Scrub(package.Display), package.Span, cancellation);
        var folder = clone;
        if (package.Subdirectory is { } sub)
        {
            folder = Path.GetFullPath(Path.Combine(clone, sub));
            if (!Directory.Exists(folder))
                throw new DiagnosticException(DiagnosticCodes.Packages.GitFailed(package.Span, scrubber.Scrub(package.Display), $"find subdirectory '{sub}' in",
                    $"revision {package.Revision} has no folder '{sub}'"));
        }
        return (Describe(package, folder, commit), folder);
    }

    private (FetchedPackage, string?) FetchLocal(ResolvedPackage package)
    {
        var folder = Path.GetFullPath(Path.Combine(projectRoot, package.Location));
        if (!Directory.Exists(folder)) throw new DiagnosticException(DiagnosticCodes.Packages.LocalNotFound(package.Span, package.Location));
        return (Describe(package, folder, null), folder);
    }

    private (FetchedPackage, string?) FetchTarball(ResolvedPackage package)
    {
        var folder = Unpack(package.Location, package.Span, scrubber.Scrub(package.Display));
        return (Describe(package, folder, null), folder);
    }

    private string Unpack(string url, SourceSpan? span, string? display = null)
    {
        var folder = NewFolder();
        var archive = folder + ".tar.gz";
        hub.Download(url, archive, span);
        try
        {
            return TarballUnpacker.Unpack(archive, folder);
        }
        catch (InvalidDataException e)
        {
            throw new DiagnosticException(DiagnosticCodes.Packages.TarballFailed(span, display ?? url, e.Message));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private FetchedPackage Describe(ResolvedPackage package, string folder, string? commit)
    {
        var name = PackageProject.ReadName(folder) ?? throw new DiagnosticException(DiagnosticCodes.Packages.NotAProject(package.Span, scrubber.Scrub(package.Display)));
        var diagnostics = new DiagnosticBag();
        var file = PackagesFile.Load(folder, name + "/", renderer, name, diagnostics);
        ThrowFirstError(diagnostics);
        return new FetchedPackage(name, commit, file?.Specs ?? []);
    }

    private string NewFolder() => Path.Combine(stagingRoot, (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void ThrowFirstError(DiagnosticBag diagnostics)
    {
        if (diagnostics.ToList().FirstOrDefault(d => d.IsError) is { } error) throw new DiagnosticException(error);
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (IReadOnlyDictionary<string, object?>)element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        _ => null,
    };
}
