using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// Resolves packages.yml to the packages to install, as dbt's resolve_packages does: breadth first,
/// each package pinned with what is known so far and its own dependencies added, then every package
/// pinned once more against all its requirements. Hub versions are the newest that satisfy every
/// range; specs of one git URL or one local path unify into one package.
/// </summary>
internal sealed class DependencyResolver(IPackageSource source)
{
    private readonly Dictionary<string, List<PackageSpec>> _requirements = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="DiagnosticException"/> at the first conflict; warnings go to <paramref name="diagnostics"/>.</summary>
    public IReadOnlyList<ResolvedPackage> Resolve(IReadOnlyList<PackageSpec> roots, DiagnosticBag diagnostics)
    {
        var expanded = new HashSet<string>(StringComparer.Ordinal);
        var pending = roots.ToList();
        while (pending.Count > 0)
        {
            var next = new List<PackageSpec>();
            foreach (var spec in pending)
            {
                var key = KeyOf(spec);
                if (!_requirements.TryGetValue(key, out var list)) _requirements[key] = list = [];
                list.Add(spec);
                var pinned = Pin(list);
                if (!expanded.Add(key + "@" + pinned.Version + pinned.Revision)) continue;
                var fetched = source.Fetch(pinned);
                var by = $"{fetched.ProjectName} ({pinned.Source} {(pinned with { Commit = fetched.Commit }).VersionText})";
                next.AddRange(fetched.Dependencies.Select(d => d with { RequiredBy = by, Span = d.Span ?? pinned.Span }));
            }
            pending = next;
        }

        var resolved = new List<ResolvedPackage>();
        var byName = new Dictionary<string, ResolvedPackage>(StringComparer.Ordinal);
        foreach (var list in _requirements.Values)
        {
            var pinned = Pin(list);
            var fetched = source.Fetch(pinned);
            pinned = pinned with { Name = fetched.ProjectName, Commit = fetched.Commit };
            if (byName.TryGetValue(pinned.Name, out var other))
                throw new DiagnosticException(DiagnosticCodes.Packages.DuplicateProjectName(pinned.Span, pinned.Name, other.Display, pinned.Display));
            byName[pinned.Name] = pinned;
            if (pinned.Kind == PackageKind.Git && pinned.WarnUnpinned && UnpinnedReason(pinned.Revision) is { } how)
                diagnostics.Add(DiagnosticCodes.Packages.UnpinnedGit(pinned.Span, pinned.Display, how));
            resolved.Add(pinned);
        }
        return resolved;
    }

    /// <summary>How dbt groups specs into one package: the hub name, the git URL without .git, the local path, the tarball URL.</summary>
    internal static string KeyOf(PackageSpec spec) => spec.Kind switch
    {
        PackageKind.Hub => "hub:" + spec.Location,
        PackageKind.Git => "git:" + (spec.Location.EndsWith(".git", StringComparison.Ordinal) ? spec.Location[..^4] : spec.Location),
        PackageKind.Local => "local:" + spec.Location.Replace('\\', '/').TrimEnd('/'),
        _ => "tarball:" + spec.Location,
    };

    private static string? UnpinnedReason(string? revision) => revision switch
    {
        null or "HEAD" => "not pinned: it installs the default branch",
        "main" or "master" => $"pinned to the \"{revision}\" branch, which can change without warning",
        _ => null,
    };

    private ResolvedPackage Pin(List<PackageSpec> specs)
    {
        var first = specs[0];
        var pinned = new ResolvedPackage
        {
            Kind = first.Kind,
            Location = first.Location,
            UnrenderedLocation = first.UnrenderedLocation,
            Subdirectory = first.Subdirectory,
            Span = first.Span,
            RequiredBy = first.RequiredBy,
            Name = first.Name ?? "",
        };
        return first.Kind switch
        {
            PackageKind.Hub => pinned with { Version = PinHub(specs) },
            PackageKind.Git => pinned with { Revision = PinGit(specs), WarnUnpinned = specs.All(s => s.WarnUnpinned) },
            _ => pinned,
        };
    }

    private static string PinGit(List<PackageSpec> specs)
    {
        var withRevision = specs.Where(s => s.Revision is not null).ToList();
        var other = withRevision.FirstOrDefault(s => s.Revision != withRevision[0].Revision);
        if (other is not null)
        {
            var first = withRevision[0];
            throw new DiagnosticException(DiagnosticCodes.Packages.RevisionConflict(other.Span, first.Display,
                $"'{first.Revision}' (required by {first.RequiredBy})", $"'{other.Revision}' (required by {other.RequiredBy})"));
        }
        return withRevision.Count == 0 ? "HEAD" : withRevision[0].Revision!;
    }

    private string PinHub(List<PackageSpec> specs)
    {
        var name = specs[0].Location;
        var ranges = specs.SelectMany(s => s.Versions.Select(v => (Text: v, Range: VersionRange.Parse(v)!, Spec: s))).ToList();
        var range = ranges.Aggregate(VersionRange.Any, (r, x) => r.Intersect(x.Range));
        if (range.IsEmpty)
        {
            // Ranges are intervals: if all of them do not meet, two of them already do not.
            foreach (var a in ranges)
            foreach (var b in ranges)
            {
                if (!a.Range.Intersect(b.Range).IsEmpty) continue;
                var at = a.Spec.RequiredBy == "packages.yml" || b.Spec.Span is null ? a.Spec.Span : b.Spec.Span;
                throw new DiagnosticException(DiagnosticCodes.Packages.VersionConflict(at ?? b.Spec.Span, name,
                    $"'{a.Text}' (required by {a.Spec.RequiredBy})", $"'{b.Text}' (required by {b.Spec.RequiredBy})"));
            }
        }
        var allowPrerelease = specs.Any(s => s.InstallPrerelease) || ranges.Any(r => r.Range.Lower?.IsPrerelease == true || r.Range.Upper?.IsPrerelease == true);
        var installable = source.HubVersions(name, specs[0].Span)
            .Select(text => (Text: text, Version: SemVersion.Parse(text)))
            .Where(v => v.Version is not null && (allowPrerelease || !v.Version.IsPrerelease))
            .OrderBy(v => v.Version).ToList();
        // The hub's own spelling of the version is its key in the hub JSON.
        var chosen = installable.LastOrDefault(v => range.Contains(v.Version!));
        if (chosen.Text is null)
            throw new DiagnosticException(DiagnosticCodes.Packages.NoMatchingVersion(specs[0].Span, name, range.ToString(),
                installable.Select(v => v.Text).ToList(), allowPrerelease));
        return chosen.Text;
    }
}
