using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// package-lock.yml in dbt's format: `packages:` (every resolved package, transitive ones included,
/// with its `name:`) and `sha1_hash:` of the packages.yml specs it was resolved from.
/// </summary>
internal sealed record LockFile(IReadOnlyList<ResolvedPackage> Packages, string? Hash)
{
    public const string FileName = "package-lock.yml";

    /// <summary>The file text. <paramref name="scrub"/> hides secret values that may sit in a URL.</summary>
    public static string Write(IEnumerable<ResolvedPackage> packages, string hash, Func<string, string> scrub)
    {
        var entries = packages.Select(p => (object?)Entry(p, scrub)).ToList();
        return YamlEmitter.Dump([new("packages", entries), new("sha1_hash", hash)]);
    }

    private static Dictionary<string, object?> Entry(ResolvedPackage package, Func<string, string> scrub)
    {
        var entry = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = package.Name };
        switch (package.Kind)
        {
            case PackageKind.Hub:
                entry["package"] = package.Location;
                entry["version"] = package.Version;
                break;
            case PackageKind.Git:
                entry["git"] = scrub(package.Display);
                entry["revision"] = package.Commit ?? package.Revision;
                if (package.Subdirectory is not null) entry["subdirectory"] = package.Subdirectory;
                if (!package.WarnUnpinned) entry["warn-unpinned"] = false;
                break;
            case PackageKind.Local:
                entry["local"] = package.Location;
                break;
            default:
                entry["tarball"] = scrub(package.Display);
                break;
        }
        return entry;
    }

    /// <summary>Reads the lock, rendering env_var() in its URLs. Null when it is not a lock file.</summary>
    public static LockFile? Read(SourceText source, IYamlValueRenderer? renderer, DiagnosticBag diagnostics)
    {
        if (!YamlDocumentLoader.TryLoad(source, diagnostics, out var root)) return null;
        if (root is not YamlMappingNode map)
        {
            diagnostics.Add(DiagnosticCodes.Packages.InvalidLockFile(root is null ? new SourceSpan(source, 0, 0) : YamlValues.SpanOf(source, root), "package-lock.yml is not a mapping"));
            return null;
        }
        var hash = YamlReader.Get(map, "sha1_hash") is YamlScalarNode { Value: { } h } ? h : null;
        var before = diagnostics.Count;
        var specs = PackageSpecReader.ReadList(source, YamlReader.Get(map, "packages"), renderer, FileName, diagnostics);
        if (diagnostics.Count != before) return null;
        var packages = new List<ResolvedPackage>();
        foreach (var spec in specs)
        {
            if (spec.Kind == PackageKind.Hub && (spec.Versions.Count != 1 || VersionRange.Parse(spec.Versions[0]) is not { Lower: { } v } || v.CompareTo(VersionRange.Parse(spec.Versions[0])!.Upper) != 0))
            {
                diagnostics.Add(DiagnosticCodes.Packages.InvalidLockFile(spec.Span, $"the lock entry of {spec.Location} has no exact version"));
                return null;
            }
            packages.Add(new ResolvedPackage
            {
                Kind = spec.Kind,
                Location = spec.Location,
                UnrenderedLocation = spec.UnrenderedLocation,
                Version = spec.Kind == PackageKind.Hub ? VersionRange.Parse(spec.Versions[0])!.Lower!.ToString() : null,
                Revision = spec.Revision,
                Commit = spec.Revision,
                Subdirectory = spec.Subdirectory,
                WarnUnpinned = false,
                Name = spec.Name ?? "",
                Span = spec.Span,
                RequiredBy = FileName,
            });
        }
        return new LockFile(packages, hash);
    }
}
