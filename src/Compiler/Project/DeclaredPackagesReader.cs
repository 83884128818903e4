using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Reads the package names packages.yml (else dependencies.yml) declares. Only names and spans:
/// installing is <c>forge deps</c>'s job, which reports problems in these files itself, so a file
/// that cannot be read here yields nothing rather than a second error.
/// </summary>
internal static class DeclaredPackagesReader
{
    public static readonly string[] FileNames = ["packages.yml", "dependencies.yml"];

    public static IReadOnlyList<DeclaredPackage> Read(string root)
    {
        foreach (var fileName in FileNames)
        {
            var path = Path.Combine(root, fileName);
            if (!File.Exists(path)) continue;
            var quiet = new DiagnosticBag();
            if (SourceFileReader.Read(path, fileName, quiet) is not { } source) continue;
            if (!YamlDocumentLoader.TryLoad(source, quiet, out var document) || document is not YamlMappingNode map) continue;
            if (YamlReader.Get(map, "packages") is not YamlSequenceNode entries) continue;
            var declared = new List<DeclaredPackage>();
            foreach (var entry in entries.Children.OfType<YamlMappingNode>())
            {
                if (NameOf(entry) is var (name, spec)) declared.Add(new DeclaredPackage(name, spec, YamlValues.SpanOf(source, entry)));
            }
            return declared;
        }
        return [];
    }

    private static (string Name, string Spec)? NameOf(YamlMappingNode entry)
    {
        string? Text(string key) => (YamlReader.Get(entry, key) as YamlScalarNode)?.Value;
        if (Text("name") is { Length: > 0 } explicitName) return (explicitName, explicitName);
        foreach (var key in new[] { "package", "git", "local", "private", "tarball" })
        {
            if (Text(key) is not { Length: > 0 } spec) continue;
            var last = spec.TrimEnd('/').Split('/', '\\', ':')[^1];
            if (last.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) last = last[..^4];
            return (last.Replace('-', '_'), spec);
        }
        return null;
    }
}
