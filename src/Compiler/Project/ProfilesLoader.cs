using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Finds profiles.yml and selects the target. Where it looks, in order: --profiles-dir (only
/// there), $FORGE_PROFILES_DIR, $DBT_PROFILES_DIR, the project folder, the current folder,
/// ~/.forge/, ~/.dbt/. A file without the project's profile is passed over; if profiles.yml
/// files were found but none has the profile, that is an error. Only when no profiles.yml exists
/// at all (and no --target or --profiles-dir asks for one) does the embedded DuckDB default apply.
/// </summary>
internal static partial class ProfilesLoader
{
    public const string FileName = "profiles.yml";

    internal sealed record Result(TargetProfile Target, string? ProfilesPath, IReadOnlyDictionary<string, object?> UserConfig);

    /// <summary>Null when the profile that was found is unusable (the errors are in <paramref name="diagnostics"/>).</summary>
    public static Result? Load(ProjectLoadOptions options, string root, ProjectFile project, DiagnosticBag diagnostics)
    {
        var filesRead = new List<string>();
        var knownProfiles = new List<string>();
        var searched = new List<string>();
        foreach (var (directory, origin) in Candidates(options, root))
        {
            searched.Add(directory);
            var path = Path.Combine(directory, FileName);
            if (origin is not null && !File.Exists(path))
            {
                // A folder the user named must hold the file: silently using another target is worse than stopping.
                diagnostics.Add(DiagnosticCodes.Reliability.ProfilesDirMissing(directory, origin, Directory.Exists(directory)));
                return null;
            }
            if (!File.Exists(path)) continue;
            if (SourceFileReader.Read(path, DisplayPath(root, path), diagnostics) is not { } source) return null;
            if (!YamlDocumentLoader.TryLoad(source, diagnostics, out var document)) return null;
            var reader = new YamlReader(source, diagnostics, options.Renderer, YamlRenderScope.Profile);
            filesRead.Add(source.Path);
            if (document is not YamlMappingNode map || YamlReader.Get(map, project.Profile) is not { } profileNode)
            {
                if (document is not null and not YamlMappingNode) { reader.WrongType(document, FileName, "a mapping of profile names"); return null; }
                if (document is YamlMappingNode other)
                    knownProfiles.AddRange(other.Children.Keys.Select(YamlValues.KeyText).Where(k => k != "config" && !knownProfiles.Contains(k)));
                if (options.ProfilesDirectory is not null) break;
                continue;
            }
            var userConfig = reader.Dictionary(YamlReader.Get(map, "config"), "config") ?? new Dictionary<string, object?>();
            var keyNode = YamlReader.KeyNamed(map, project.Profile)!;
            var target = ReadProfile(reader, options, root, project, keyNode, profileNode);
            return target is null ? null : new Result(target, Path.GetFullPath(path), userConfig);
        }
        if (filesRead.Count > 0)
        {
            diagnostics.Add(DiagnosticCodes.Reliability.ProfileNotFound(ProfileSpan(project), project.Profile, filesRead, knownProfiles));
            return null;
        }
        var fallback = Default(root, project);
        if (options.TargetName is { } asked && asked != fallback.Name)
        {
            diagnostics.Add(DiagnosticCodes.Reliability.TargetWithoutProfiles(asked, searched));
            return null;
        }
        return new Result(fallback, null, new Dictionary<string, object?>());
    }

    /// <summary>Where the project file names its profile (`profile:`, else `name:`, which doubles as the profile name).</summary>
    private static SourceSpan? ProfileSpan(ProjectFile project)
    {
        var scratch = new DiagnosticBag();
        if (!YamlDocumentLoader.TryLoad(project.Source, scratch, out var document) || document is not YamlMappingNode map) return null;
        var node = YamlReader.Get(map, "profile") ?? YamlReader.Get(map, "name");
        return node is null ? null : YamlValues.SpanOf(project.Source, node);
    }

    /// <summary>The embedded default: a DuckDB file at target/&lt;project&gt;.duckdb, schema main, one thread.</summary>
    internal static DuckDbTargetProfile Default(string root, ProjectFile project) => new()
    {
        Name = "dev",
        Schema = "main",
        Database = project.Name,
        Path = Path.GetFullPath(Path.Combine(root, project.TargetPath, project.Name + ".duckdb")),
        Threads = 1,
        IsDefault = true,
        ExternalRoot = Path.GetFullPath(root),
        FilesRoot = Path.GetFullPath(root),
    };

    /// <summary>The folders to look in; Origin names the option or variable for folders the user chose.</summary>
    internal static IEnumerable<(string Directory, string? Origin)> Candidates(ProjectLoadOptions options, string root)
    {
        if (!string.IsNullOrWhiteSpace(options.ProfilesDirectory))
        {
            // As in dbt, --profiles-dir is the one place read.
            yield return (Path.GetFullPath(options.ProfilesDirectory), "--profiles-dir");
            yield break;
        }
        foreach (var variable in (string[])["FORGE_PROFILES_DIR", "DBT_PROFILES_DIR"])
        {
            var value = options.Environment(variable);
            if (!string.IsNullOrWhiteSpace(value)) yield return (Path.GetFullPath(value), "$" + variable);
        }
        yield return (root, null);
        if (options.WorkingDirectory is { } current && !SamePath(current, root)) yield return (Path.GetFullPath(current), null);
        var home = options.HomeDirectory ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home)) yield break;
        yield return (Path.Combine(home, ".forge"), null);
        yield return (Path.Combine(home, ".dbt"), null);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>Relative to the project when inside it, so messages stay short; absolute otherwise.</summary>
    internal static string DisplayPath(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
        return shown.Replace('\\', '/');
    }

    private static TargetProfile? ReadProfile(YamlReader reader, ProjectLoadOptions options, string root, ProjectFile project, YamlNode keyNode, YamlNode profileNode)
    {
        var profile = reader.Mapping(profileNode, project.Profile);
        if (profile is null)
        {
            if (YamlReader.IsNull(profileNode)) reader.Diagnostics.Add(DiagnosticCodes.Project.MissingTargetName(reader.Span(keyNode), project.Profile));
            return null;
        }
        var outputsNode = YamlReader.Get(profile, "outputs");
        var outputs = reader.Mapping(outputsNode, "outputs");
        if (outputs is null)
        {
            if (outputsNode is null || YamlReader.IsNull(outputsNode))
                reader.Diagnostics.Add(DiagnosticCodes.Project.UnknownTarget(reader.Span(keyNode), options.TargetName ?? "dev", project.Profile, reader.Source.Path, []));
            return null;
        }
        var available = YamlReader.KeyTexts(outputs);
        var targetNode = YamlReader.Get(profile, "target");
        var targetName = options.TargetName ?? reader.String(targetNode, "target");
        if (targetName is null)
        {
            if (available.Count != 1)
            {
                reader.Diagnostics.Add(DiagnosticCodes.Project.MissingTargetName(reader.Span(keyNode), project.Profile));
                return null;
            }
            targetName = available[0];
        }
        var outputKey = YamlReader.KeyNamed(outputs, targetName);
        if (outputKey is null)
        {
            var at = options.TargetName is null && targetNode is not null ? targetNode : keyNode;
            reader.Diagnostics.Add(DiagnosticCodes.Project.UnknownTarget(reader.Span(at), targetName, project.Profile, reader.Source.Path, available));
            return null;
        }
        return ReadOutput(reader, root, targetName, outputKey, outputs.Children[outputKey]);
    }
}
