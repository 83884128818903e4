using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ModelForge.Compiler.Compilation;
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
        PhaseTimings.Step("project file");

        // The profile needs nothing from the project's files, nor they from it: it is read on another
        // thread while the files are found, read and their schema YAML parsed (on a cold start its
        // readers' first use is mostly JIT). What the files report is kept apart and added only if the
        // profile loads, after the profile's own diagnostics, as when the steps ran one after another.
        var profileDiagnostics = new DiagnosticBag();
        var profileTask = StartProfile(options, root, project, profileDiagnostics, diagnostics);
        var vars = new Dictionary<string, object?>(project.Vars, StringComparer.Ordinal);
        foreach (var (key, value) in options.CliVars) vars[key] = value;
        var filesDiagnostics = new DiagnosticBag();
        var schemaDiagnostics = new DiagnosticBag();
        var parsed = new ConcurrentDictionary<ProjectFileEntry, SchemaFile>(ReferenceEqualityComparer.Instance);
        DiscoveredFiles? files = null;
        ExceptionDispatchInfo? filesFailure = null;
        try
        {
            var renderer = options.Renderer?.WithVars(vars);
            files = FileDiscovery.Discover(root, project, filesDiagnostics, entry =>
            {
                if (entry.ResourceType == ResourceType.Yaml) parsed[entry] = SchemaFile.Parse(entry.Source, schemaDiagnostics, renderer);
            });
        }
        catch (Exception e)
        {
            // Rethrown below unless the profile fails first: before, the files were not looked at then.
            filesFailure = ExceptionDispatchInfo.Capture(e);
        }
        PhaseTimings.Step("discover, read, parse YAML");

        var profile = profileTask.GetAwaiter().GetResult();
        diagnostics.AddRange(profileDiagnostics.ToList());
        if (profile is null) return null;
        filesFailure?.Throw();
        // After the profile: the embedded DuckDB stays in the project's own target folder, so
        // --target-path moves the artifacts and not the data.
        if (options.TargetPath is { } targetPath) project = project with { TargetPath = targetPath };
        DbtVersionCheck.Check(project, diagnostics);
        diagnostics.AddRange(filesDiagnostics.ToList());
        ReportDuplicateFiles(files!, diagnostics);
        diagnostics.AddRange(schemaDiagnostics.ToList());
        var schema = CheckSchema(files!.YamlFiles.Select(f => parsed[f]).ToList(), files, diagnostics);
        PhaseTimings.Step("profile, schema checks");

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

    private static Task<ProfilesLoader.Result?> StartProfile(
        ProjectLoadOptions options, string root, ProjectFile project, DiagnosticBag profileDiagnostics, DiagnosticBag earlier) =>
        Task.Run(() =>
        {
            var profile = ProfilesLoader.Load(options, root, project, profileDiagnostics);
            // Told here rather than after the files, so a connection opened ahead overlaps them too.
            if (profile is not null && !earlier.HasErrors && !profileDiagnostics.HasErrors) options.TargetResolved?.Invoke(profile.Target);
            return profile;
        });

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
        ParallelLoop.For(schemaFiles.Length, i => schemaFiles[i] = SchemaFile.Parse(files.YamlFiles[i].Source, diagnostics, renderer));
        return CheckSchema(schemaFiles, files, diagnostics);
    }

    private static ProjectSchema CheckSchema(IReadOnlyList<SchemaFile> schemaFiles, DiscoveredFiles files, DiagnosticBag diagnostics)
    {
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
