using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Finds profiles.yml (--profiles-dir, FORGE_PROFILES_DIR, DBT_PROFILES_DIR, the project folder,
/// ~/.forge) and selects the target; falls back to the embedded DuckDB default.
/// </summary>
internal static partial class ProfilesLoader
{
    public const string FileName = "profiles.yml";

    internal sealed record Result(TargetProfile Target, string? ProfilesPath, IReadOnlyDictionary<string, object?> UserConfig);

    /// <summary>Null when the profile that was found is unusable (the errors are in <paramref name="diagnostics"/>).</summary>
    public static Result? Load(ProjectLoadOptions options, string root, ProjectFile project, DiagnosticBag diagnostics)
    {
        foreach (var (directory, explicitlyChosen) in Candidates(options, root))
        {
            var path = Path.Combine(directory, FileName);
            if (!File.Exists(path)) continue;
            var source = new SourceText(DisplayPath(root, path), File.ReadAllText(path));
            if (!YamlDocumentLoader.TryLoad(source, diagnostics, out var document)) return null;
            var reader = new YamlReader(source, diagnostics, options.Renderer, YamlRenderScope.Profile);
            if (document is not YamlMappingNode map || YamlReader.Get(map, project.Profile) is not { } profileNode)
            {
                if (document is not null and not YamlMappingNode) reader.WrongType(document, FileName, "a mapping of profile names");
                else if (explicitlyChosen) diagnostics.Add(DiagnosticCodes.Project.ProfileNotInFile(source.Path, project.Profile));
                continue;
            }
            var userConfig = reader.Dictionary(YamlReader.Get(map, "config"), "config") ?? new Dictionary<string, object?>();
            var keyNode = map.Children.Keys.First(k => YamlValues.KeyText(k) == project.Profile);
            var target = ReadProfile(reader, options, root, project, keyNode, profileNode);
            return target is null ? null : new Result(target, Path.GetFullPath(path), userConfig);
        }
        return new Result(Default(root, project), null, new Dictionary<string, object?>());
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
    };

    private static IEnumerable<(string Directory, bool Explicit)> Candidates(ProjectLoadOptions options, string root)
    {
        if (!string.IsNullOrWhiteSpace(options.ProfilesDirectory)) yield return (Path.GetFullPath(options.ProfilesDirectory), true);
        foreach (var variable in (string[])["FORGE_PROFILES_DIR", "DBT_PROFILES_DIR"])
        {
            var value = options.Environment(variable);
            if (!string.IsNullOrWhiteSpace(value)) yield return (Path.GetFullPath(value), true);
        }
        yield return (root, false);
        var home = options.HomeDirectory ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home)) yield return (Path.Combine(home, ".forge"), false);
    }

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
        var available = outputs.Children.Keys.Select(YamlValues.KeyText).ToList();
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
        var outputKey = outputs.Children.Keys.FirstOrDefault(k => YamlValues.KeyText(k) == targetName);
        if (outputKey is null)
        {
            var at = options.TargetName is null && targetNode is not null ? targetNode : keyNode;
            reader.Diagnostics.Add(DiagnosticCodes.Project.UnknownTarget(reader.Span(at), targetName, project.Profile, reader.Source.Path, available));
            return null;
        }
        return ReadOutput(reader, root, targetName, outputKey, outputs.Children[outputKey]);
    }
}
