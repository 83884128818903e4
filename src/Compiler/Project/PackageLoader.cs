using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Loads every installed package: each folder of <c>packages-install-path</c> holding a project
/// file is a project of its own, read with its own paths, files, schema YAML and configs. Paths
/// stay relative to the root project's folder (<c>dbt_packages/dbt_utils/macros/star.sql</c>), so
/// diagnostics point at real files and discovery needs no second root.
/// </summary>
internal static class PackageLoader
{
    public static IReadOnlyList<LoadedProject> Load(LoadedProject root, ProjectLoadOptions options, DiagnosticBag diagnostics)
    {
        var installPath = root.ProjectFile.PackagesInstallPath;
        var folder = Path.Combine(root.Root, installPath);
        if (!Directory.Exists(folder)) return [];
        var packages = new List<LoadedProject>();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal) { [root.Name] = root.ProjectFile.Source.Path };
        foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var folderName = Path.GetFileName(directory);
            if (folderName.StartsWith('.')) continue;
            var packageRoot = $"{installPath}/{folderName}";
            var projectPath = ProjectFileParser.FileNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
            if (projectPath is null)
            {
                diagnostics.Add(DiagnosticCodes.PackageLoading.FolderWithoutProjectFile(packageRoot));
                continue;
            }
            if (SourceFileReader.Read(projectPath, $"{packageRoot}/{Path.GetFileName(projectPath)}", diagnostics) is not { } source) continue;
            if (ProjectFileParser.Parse(source, diagnostics, options.Renderer) is not { } own) continue;
            if (!byName.TryAdd(own.Name, source.Path))
            {
                diagnostics.Add(DiagnosticCodes.PackageLoading.DuplicatePackage(SourceSpan.At(source, 1, 1), own.Name, byName[own.Name]));
                continue;
            }
            DbtVersionCheck.Check(own, diagnostics);
            packages.Add(LoadOne(root, Rebase(own, packageRoot), packageRoot, options, diagnostics));
        }
        return packages.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    private static LoadedProject LoadOne(LoadedProject root, ProjectFile project, string packageRoot, ProjectLoadOptions options, DiagnosticBag diagnostics)
    {
        var files = FileDiscovery.Discover(root.Root, project, diagnostics);
        ProjectLoader.ReportDuplicateFiles(files, diagnostics);
        var vars = PackageVars.For(project, root.ProjectFile, options.CliVars);
        var schema = ProjectLoader.ParseSchema(files, options.Renderer?.WithVars(vars), diagnostics);
        return root with
        {
            ProjectFile = project,
            PackageRoot = packageRoot,
            Packages = [],
            DeclaredPackages = [],
            Vars = vars,
            Files = files,
            Schema = schema,
            Configs = new ConfigResolver(project, schema, root.ProjectFile),
        };
    }

    // The package's resource paths, seen from the root project's folder.
    private static ProjectFile Rebase(ProjectFile project, string packageRoot)
    {
        IReadOnlyList<string> Under(IReadOnlyList<string> paths) =>
            paths.Select(p => p is "." or "" ? packageRoot : $"{packageRoot}/{p}").ToList();
        return project with
        {
            ModelPaths = Under(project.ModelPaths),
            SeedPaths = Under(project.SeedPaths),
            TestPaths = Under(project.TestPaths),
            MacroPaths = Under(project.MacroPaths),
            SnapshotPaths = Under(project.SnapshotPaths),
            AnalysisPaths = Under(project.AnalysisPaths),
            DocsPaths = Under(project.DocsPaths),
        };
    }
}
