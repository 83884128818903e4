using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Packages;

/// <summary>Reads the project name of a fetched package from its dbt_project.yml (the folder it installs into).</summary>
internal static class PackageProject
{
    /// <summary>Null when the folder holds no project file with a valid name.</summary>
    public static string? ReadName(string folder)
    {
        foreach (var fileName in ProjectFileParser.FileNames.Reverse())
        {
            var path = Path.Combine(folder, fileName);
            if (!File.Exists(path)) continue;
            var diagnostics = new DiagnosticBag();
            if (SourceFileReader.Read(path, fileName, diagnostics) is not { } source || !YamlDocumentLoader.TryLoad(source, diagnostics, out var root)) return null;
            if (root is YamlMappingNode map && YamlReader.Get(map, "name") is YamlScalarNode { Value: { } name } && ProjectFileParser.IsValidName(name))
                return name;
            return null;
        }
        return null;
    }
}
