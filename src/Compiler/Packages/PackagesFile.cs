using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// The package list of a project: `packages:` of dependencies.yml (dbt 1.6+) or of packages.yml,
/// never both. <see cref="FileName"/> is the file --add-package writes to.
/// </summary>
internal sealed record PackagesFile(string FileName, IReadOnlyList<PackageSpec> Specs, IReadOnlyDictionary<string, object?>? Document)
{
    public const string PackagesYml = "packages.yml";
    public const string DependenciesYml = "dependencies.yml";

    /// <summary>
    /// Reads the files in <paramref name="folder"/>; paths in messages start with <paramref name="displayPrefix"/>.
    /// Null when a file is malformed (the errors are in <paramref name="diagnostics"/>).
    /// </summary>
    public static PackagesFile? Load(string folder, string displayPrefix, IYamlValueRenderer? renderer, string requiredBy, DiagnosticBag diagnostics)
    {
        var packages = Parse(folder, displayPrefix, PackagesYml, diagnostics, out var packagesOk);
        var dependencies = Parse(folder, displayPrefix, DependenciesYml, diagnostics, out var dependenciesOk);
        if (!packagesOk || !dependenciesOk) return null;
        var inPackages = packages is { } p ? YamlReader.Get(p.Map, "packages") : null;
        var inDependencies = dependencies is { } d ? YamlReader.Get(d.Map, "packages") : null;
        if (inPackages is not null && inDependencies is not null)
        {
            var key = dependencies!.Value.Map.Children.Keys.First(k => YamlValues.KeyText(k) == "packages");
            diagnostics.Add(DiagnosticCodes.Packages.BothFiles(YamlValues.SpanOf(dependencies.Value.Source, key)));
            return null;
        }
        var (chosen, name, list) = inDependencies is not null ? (dependencies, DependenciesYml, inDependencies) : (packages, PackagesYml, inPackages);
        if (chosen is not { } file) return new PackagesFile(PackagesYml, [], null);
        var before = diagnostics.Count;
        var specs = PackageSpecReader.ReadList(file.Source, list, renderer, requiredBy, diagnostics);
        if (diagnostics.ToList().Skip(before).Any(x => x.IsError)) return null;
        return new PackagesFile(name, specs, YamlValues.ToValue(file.Map) as IReadOnlyDictionary<string, object?>);
    }

    private static (SourceText Source, YamlMappingNode Map)? Parse(string folder, string prefix, string name, DiagnosticBag diagnostics, out bool ok)
    {
        ok = true;
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) return null;
        if (SourceFileReader.Read(path, prefix + name, diagnostics) is not { } source)
        {
            ok = false;
            return null;
        }
        if (!YamlDocumentLoader.TryLoad(source, diagnostics, out var root))
        {
            ok = false;
            return null;
        }
        if (root is null) return null;
        if (root is not YamlMappingNode map)
        {
            diagnostics.Add(DiagnosticCodes.Packages.InvalidEntry(YamlValues.SpanOf(source, root), $"{name} is not a mapping",
                "start the file with `packages:` and list one package per entry below it"));
            ok = false;
            return null;
        }
        return (source, map);
    }
}
