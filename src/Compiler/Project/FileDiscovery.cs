using System.IO.Enumeration;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Finds the project's files under the configured folders and reads them in parallel. Output is
/// sorted by path (ordinal) so everything downstream is deterministic. Hidden folders and files are
/// skipped; a configured folder that does not exist is simply empty, as in dbt.
/// </summary>
public static class FileDiscovery
{
    /// <summary>Every file the project file's paths point at.</summary>
    public static DiscoveredFiles Discover(string root, ProjectFile project) => Discover(root, project, new DiagnosticBag());

    /// <summary>
    /// Every readable file the project file's paths point at; pipes, dangling links and files that
    /// are not UTF-8 are reported to <paramref name="diagnostics"/> and left out. <paramref name="read"/>
    /// is called on the reading thread as each file is read, so work on one file (parsing schema YAML)
    /// overlaps the reading of the others instead of waiting for the last one.
    /// </summary>
    internal static DiscoveredFiles Discover(string root, ProjectFile project, DiagnosticBag diagnostics, Action<ProjectFileEntry>? read = null)
    {
        // Collections of classes, not of value tuples: generic code over reference types is compiled
        // ahead of time in the framework, while each value-tuple instantiation (the list, its sort, the
        // set, the directory enumerator) is JIT-compiled on every cold start, twice once it runs hot.
        var found = new List<Found>();
        // Per resource type, the paths taken: a file under two configured folders counts once.
        var seen = new HashSet<string>?[Enum.GetValues(typeof(ResourceType)).Length];
        // Models' folder is searched for .sql, .yml, .md and .py: list each folder once.
        var listings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(IEnumerable<string> folders, ResourceType type, params string[] extensions)
        {
            foreach (var folder in folders)
            {
                foreach (var path in Walk(root, folder, extensions, listings))
                {
                    var kind = type == ResourceType.Test ? TestPathKind(folder, path) : type;
                    if (kind is not { } actual) continue;
                    if ((seen[(int)actual] ??= new HashSet<string>(StringComparer.Ordinal)).Add(path)) found.Add(new Found(path, actual, folder));
                }
            }
        }
        Add(project.ModelPaths, ResourceType.Model, ".sql");
        Add(project.SeedPaths, ResourceType.Seed, ".csv");
        Add(project.SnapshotPaths, ResourceType.Snapshot, ".sql");
        Add(project.TestPaths, ResourceType.Test, ".sql");
        Add(project.MacroPaths, ResourceType.Macro, ".sql");
        Add(project.AnalysisPaths, ResourceType.Analysis, ".sql");
        var yamlFolders = project.ModelPaths.Concat(project.SeedPaths).Concat(project.SnapshotPaths)
            .Concat(project.MacroPaths).Concat(project.TestPaths).Concat(project.AnalysisPaths).ToList();
        Add(yamlFolders, ResourceType.Yaml, ".yml", ".yaml");
        Add(project.DocsPaths.Count > 0 ? project.DocsPaths : yamlFolders, ResourceType.Docs, ".md");
        ReportPythonModels(root, project, listings, diagnostics);

        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var entries = new ProjectFileEntry?[found.Count];
        var problems = new DiagnosticBag?[found.Count];
        var fqnPaths = FqnPaths(found);
        ParallelLoop.For(found.Count, i =>
        {
            var (path, type, resourcePath) = found[i];
            // One bag per thread, handed over with a problem: Read returns null exactly when it reported
            // one. Not a bag per file and a locked count of it (10,700 at 10k, for a handful of problems).
            var bag = t_problems ??= new DiagnosticBag();
            if (SourceFileReader.Read(Path.Combine(root, path), path, bag) is { } text)
            {
                var entry = entries[i] = new ProjectFileEntry(Stem(path), path, text, type, resourcePath, fqnPaths[i]);
                read?.Invoke(entry);
            }
            else
            {
                problems[i] = bag;
                t_problems = null;
            }
        });
        // Reported in path order, not in the order the threads finished.
        foreach (var bag in problems)
        {
            if (bag is not null) diagnostics.AddRange(bag.ToList());
        }
        // A loop, not OfType().ToList(): that builds through a helper with no precompiled code.
        var files = new List<ProjectFileEntry>(entries.Length);
        foreach (var entry in entries)
        {
            if (entry is not null) files.Add(entry);
        }
        return new DiscoveredFiles(files);
    }

    // dbt runs .py models on warehouses with a Python runtime; forge cannot. Said once at the file,
    // and the load stops there, so readers do not each get an "unknown ref" for it.
    private static void ReportPythonModels(string root, ProjectFile project, Dictionary<string, List<string>> listings, DiagnosticBag diagnostics)
    {
        foreach (var path in project.ModelPaths.SelectMany(folder => Walk(root, folder, [".py"], listings)).Distinct().Order(StringComparer.Ordinal))
            diagnostics.Add(DiagnosticCodes.Commands.PythonModel(new SourceSpan(new SourceText(path, ""), 0, 0)));
    }

    private sealed record Found(string Path, ResourceType Type, string ResourcePath);

    [ThreadStatic]
    private static DiagnosticBag? t_problems;

    private static List<string> Walk(string root, string folder, string[] extensions, Dictionary<string, List<string>> listings)
    {
        if (!listings.TryGetValue(folder, out var all)) listings[folder] = all = List(root, folder);
        var results = new List<string>();
        foreach (var path in all)
        {
            foreach (var extension in extensions)
            {
                if (!path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) continue;
                results.Add(path);
                break;
            }
        }
        return results;
    }

    /// <summary>Every file under the folder, hidden ones left out, as paths relative to the root with '/'.</summary>
    private static List<string> List(string root, string folder)
    {
        var results = new List<string>();
        var start = Path.GetFullPath(folder == "." ? root : Path.Combine(root, folder));
        if (!Directory.Exists(start)) return results;
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            // Entries straight from the directory stream: no FileSystemInfo (and no stat) per file.
            var entries = new FileSystemEnumerable<Listed>(
                pending.Pop(),
                (ref FileSystemEntry entry) => new Listed(entry.ToFullPath(), entry.IsDirectory),
                ListOptions)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.'),
            };
            foreach (var entry in entries)
            {
                if (entry.IsDirectory) pending.Push(entry.Path);
                else results.Add(Relative(root, prefix, entry.Path));
            }
        }
        return results;
    }

    // A class for the same reason as Found: FileSystemEnumerable over a value tuple is JIT-compiled.
    private sealed record Listed(string Path, bool IsDirectory);

    // What DirectoryInfo.EnumerateFileSystemInfos() used: nothing skipped by attribute, errors thrown.
    private static readonly EnumerationOptions ListOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    private static string Relative(string root, string prefix, string fullPath) =>
        fullPath.StartsWith(prefix, StringComparison.Ordinal) && Path.DirectorySeparatorChar == '/'
            ? fullPath[prefix.Length..]
            : Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    /// <summary>
    /// What a .sql file under a test-path is. As in dbt, <c>&lt;test-path&gt;/generic/</c> holds generic
    /// test definitions, loaded like macro files, and <c>&lt;test-path&gt;/fixtures/</c> holds unit test
    /// fixtures (null: not a node); everything else is a singular test.
    /// </summary>
    private static ResourceType? TestPathKind(string folder, string path)
    {
        var relative = folder == "." ? path : path[(folder.TrimEnd('/').Length + 1)..];
        var first = relative.IndexOf('/') is var slash and >= 0 ? relative[..slash] : "";
        return first switch
        {
            "generic" => ResourceType.Macro,
            "fixtures" => null,
            _ => ResourceType.Test,
        };
    }

    private static string Stem(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    // Each file's folder names below its resource path. The files of a folder (neighbours, found being sorted by path)
    // share one array of them: the project keeps every entry until the command ends.
    private static string[][] FqnPaths(List<Found> found)
    {
        var paths = new string[found.Count][];
        for (var i = 0; i < found.Count; i++)
        {
            var (path, _, resourcePath) = found[i];
            var start = resourcePath == "." ? 0 : resourcePath.Length + 1;
            var end = path.LastIndexOf('/');
            if (i > 0 && found[i - 1].ResourcePath == resourcePath && FolderOf(path).SequenceEqual(FolderOf(found[i - 1].Path)))
            {
                paths[i] = paths[i - 1];
                continue;
            }
            // Most files sit a folder or two deep: split only the folders, without the file name.
            paths[i] = end < start ? [] : path[start..end].Split('/');
        }
        return paths;
    }

    // The path up to and including its last '/' (empty for a file at the root).
    private static ReadOnlySpan<char> FolderOf(string path) => path.AsSpan(0, path.LastIndexOf('/') + 1);
}
