using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>Turns a project folder into a <see cref="LoadedProject"/>: the entry point of this stage.</summary>
public static class ProjectLoader
{
    /// <summary>
    /// Loads the project. Returns null when the project file or the target profile cannot be read;
    /// problems in files and schema YAML are reported and the project is still returned, so later
    /// stages can report theirs too. Check <see cref="DiagnosticBag.HasErrors"/> before running.
    /// </summary>
    public static LoadedProject? Load(ProjectLoadOptions options, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(options.ProjectDirectory);
        var projectPath = Directory.Exists(root)
            ? ProjectFileParser.FileNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists)
            : null;
        if (projectPath is null)
        {
            diagnostics.Add(DiagnosticCodes.Project.MissingProjectFile(root));
            return null;
        }
        if (SourceFileReader.Read(projectPath, Path.GetFileName(projectPath), diagnostics) is not { } source) return null;
        var errorsBefore = ProfilesLoader.ErrorCount(diagnostics);
        var project = ProjectFileParser.Parse(source, diagnostics, options.Renderer);
        // A wrong value anywhere in the project file (a path that is not a list, a failed render) stops here.
        if (project is null || ProfilesLoader.ErrorCount(diagnostics) != errorsBefore) return null;
        if (options.ProfileName is { } profileName) project = project with { Profile = profileName };

        var profile = ProfilesLoader.Load(options, root, project, diagnostics);
        if (profile is null) return null;
        if (!diagnostics.HasErrors) options.TargetResolved?.Invoke(profile.Target);
        // After the profile: the embedded DuckDB stays in the project's own target folder, so
        // --target-path moves the artifacts and not the data.
        if (options.TargetPath is { } targetPath) project = project with { TargetPath = targetPath };

        DbtVersionCheck.Check(project, diagnostics);
        PhaseTimings.Step("project file + profile");
        var files = FileDiscovery.Discover(root, project, diagnostics);
        ReportDuplicateFiles(files, diagnostics);
        PhaseTimings.Step("discover + read files");
        var vars = new Dictionary<string, object?>(project.Vars, StringComparer.Ordinal);
        foreach (var (key, value) in options.CliVars) vars[key] = value;
        var schema = ParseSchema(files, options.Renderer?.WithVars(vars), diagnostics);
        PhaseTimings.Step("schema YAML");

        var loaded = new LoadedProject
        {
            Root = root,
            ProjectFile = project,
            Target = profile.Target,
            ProfilesPath = profile.ProfilesPath,
            UserConfig = profile.UserConfig,
            Vars = vars,
            Files = files,
            Schema = schema,
            Configs = new ConfigResolver(project, schema),
            DeclaredPackages = DeclaredPackagesReader.Read(root),
        };
        var withPackages = loaded with { Packages = PackageLoader.Load(loaded, options, diagnostics) };
        PhaseTimings.Step("configs + packages");
        return withPackages;
    }

    // Per project: a package may have a model named like one of the root project's.
    internal static void ReportDuplicateFiles(DiscoveredFiles files, DiagnosticBag diagnostics)
    {
        ReportDuplicateFiles(files.Models, "model", diagnostics);
        ReportDuplicateFiles(files.Seeds, "seed", diagnostics);
        ReportDuplicateFiles(files.Snapshots, "snapshot", diagnostics);
        ReportDuplicateFiles(files.Analyses, "analysis", diagnostics);
    }

    internal static ProjectSchema ParseSchema(DiscoveredFiles files, IYamlValueRenderer? renderer, DiagnosticBag diagnostics)
    {
        var schemaFiles = new SchemaFile[files.YamlFiles.Count];
        Parallel.For(0, schemaFiles.Length, i => schemaFiles[i] = SchemaFile.Parse(files.YamlFiles[i].Source, diagnostics, renderer));
        var schema = new ProjectSchema(schemaFiles);
        SchemaChecks.Run(schema, files, diagnostics);
        return schema;
    }

    // dbt rejects two files with one name: ref('x') would be ambiguous.
    private static void ReportDuplicateFiles(IReadOnlyList<ProjectFileEntry> entries, string kind, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, ProjectFileEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (first.TryAdd(entry.Name, entry)) continue;
            var original = first[entry.Name];
            diagnostics.Add(DiagnosticCodes.Project.DuplicateResource(SourceSpan.At(entry.Source, 1, 1), kind, entry.Name, original.Path, entry.Path));
        }
    }
}
