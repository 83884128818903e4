using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>Reads forge_project.yml / dbt_project.yml into a <see cref="ProjectFile"/>.</summary>
internal static class ProjectFileParser
{
    public static readonly string[] FileNames = ["forge_project.yml", "dbt_project.yml"];

    private static readonly string[] KnownKeys =
    [
        "name", "version", "profile", "config-version", "require-dbt-version",
        "model-paths", "seed-paths", "test-paths", "macro-paths", "snapshot-paths", "analysis-paths",
        "docs-paths", "asset-paths", "target-path", "clean-targets", "log-path", "packages-install-path",
        "vars", "models", "seeds", "snapshots", "data_tests", "tests", "sources", "analyses",
        "on-run-start", "on-run-end", "quoting", "dispatch", "query-comment", "flags",
        "exposures", "metrics", "semantic-models", "saved-queries", "unit_tests", "restrict-access", "dbt-cloud",
        // dbt < 1.0 spellings, still found in older projects.
        "source-paths", "data-paths",
    ];

    // dbt renders these at run time, with the run's context, not when the project loads.
    private static readonly HashSet<string> HookKeys = new(StringComparer.Ordinal)
    {
        "pre-hook", "post-hook", "+pre-hook", "+post-hook", "pre_hook", "post_hook", "+pre_hook", "+post_hook",
    };

    public static ProjectFile? Parse(SourceText source, DiagnosticBag diagnostics, IYamlValueRenderer? renderer)
    {
        if (!YamlDocumentLoader.TryLoad(source, diagnostics, out var root)) return null;
        var reader = new YamlReader(source, diagnostics, renderer, YamlRenderScope.Project);
        var fileStart = SourceSpan.At(source, 1, 1);
        if (root is null)
        {
            diagnostics.Add(DiagnosticCodes.Project.MissingProjectName(fileStart));
            return null;
        }
        var map = reader.Mapping(root, source.Path);
        if (map is null) return null;

        foreach (var (keyNode, _) in map.Children)
        {
            var key = YamlValues.KeyText(keyNode);
            if (Array.IndexOf(KnownKeys, key) < 0)
                diagnostics.Add(DiagnosticCodes.Project.UnknownProjectKey(reader.Span(keyNode), key, NameSuggester.Nearest(key, KnownKeys)));
        }

        var nameNode = YamlReader.Get(map, "name");
        var name = reader.String(nameNode, "name");
        var ok = true;
        if (name is null)
        {
            if (nameNode is null || YamlReader.IsNull(nameNode)) diagnostics.Add(DiagnosticCodes.Project.MissingProjectName(nameNode is null ? fileStart : reader.Span(nameNode)));
            ok = false;
        }
        else if (!IsValidName(name))
        {
            diagnostics.Add(DiagnosticCodes.Project.InvalidProjectName(reader.Span(nameNode!), name));
            ok = false;
        }
        if (!ok) return null;

        foreach (var tree in (string[])["models", "seeds", "snapshots", "sources", "analyses", "tests", "data_tests", "unit_tests"])
            KeySpellingCheck.CheckTree(reader, YamlReader.Get(map, tree));
        var targetPath = NormalizePath(reader.String(YamlReader.Get(map, "target-path"), "target-path") ?? "target");
        var tests = Tree(reader, map, "tests");
        var dataTests = Tree(reader, map, "data_tests");
        var (vars, varsAsWritten) = Vars(reader, map, name!);
        return new ProjectFile
        {
            Source = source,
            Name = name!,
            Version = reader.String(YamlReader.Get(map, "version"), "version"),
            Profile = reader.String(YamlReader.Get(map, "profile"), "profile") ?? name!,
            ModelPaths = Paths(reader, map, "model-paths", "source-paths") ?? ["models"],
            SeedPaths = Paths(reader, map, "seed-paths", "data-paths") ?? ["seeds"],
            TestPaths = Paths(reader, map, "test-paths") ?? ["tests"],
            MacroPaths = Paths(reader, map, "macro-paths") ?? ["macros"],
            SnapshotPaths = Paths(reader, map, "snapshot-paths") ?? ["snapshots"],
            AnalysisPaths = Paths(reader, map, "analysis-paths") ?? ["analyses"],
            DocsPaths = Paths(reader, map, "docs-paths") ?? [],
            TargetPath = targetPath,
            PackagesInstallPath = NormalizePath(reader.String(YamlReader.Get(map, "packages-install-path"), "packages-install-path") ?? "dbt_packages"),
            RequireDbtVersion = reader.StringList(YamlReader.Get(map, "require-dbt-version"), "require-dbt-version", allowSingle: true) ?? [],
            CleanTargets = Paths(reader, map, "clean-targets") ?? [targetPath],
            RestrictAccess = reader.Bool(YamlReader.Get(map, "restrict-access"), "restrict-access") ?? false,
            Vars = vars,
            VarsAsWritten = varsAsWritten,
            Models = Tree(reader, map, "models"),
            Seeds = Tree(reader, map, "seeds"),
            Snapshots = Tree(reader, map, "snapshots"),
            DataTests = Merge(tests, dataTests),
            Sources = Tree(reader, map, "sources"),
            Analyses = Tree(reader, map, "analyses"),
            UnitTests = Tree(reader, map, "unit_tests"),
            OnRunStart = Hooks(reader, map, "on-run-start"),
            OnRunEnd = Hooks(reader, map, "on-run-end"),
            Quoting = Tree(reader, map, "quoting"),
            Dispatch = reader.Sequence(YamlReader.Get(map, "dispatch"), "dispatch") is { } d ? (List<object?>)reader.Value(d)! : [],
        };
    }

    /// <summary>dbt's rule: a letter or underscore, then letters, digits and underscores.</summary>
    internal static bool IsValidName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0])) return false;
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    internal static string NormalizePath(string path)
    {
        var normalized = path.Replace('\\', '/').Trim();
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
        normalized = normalized.TrimEnd('/');
        return normalized.Length == 0 ? "." : normalized;
    }

    private static List<string>? Paths(YamlReader reader, YamlMappingNode map, string key, string? oldKey = null)
    {
        var node = YamlReader.Get(map, key) ?? (oldKey is null ? null : YamlReader.Get(map, oldKey));
        if (node is null) return null;
        var list = reader.StringList(node, YamlReader.Get(map, key) is null ? oldKey! : key);
        return list?.Select(NormalizePath).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyDictionary<string, object?> Tree(YamlReader reader, YamlMappingNode map, string key)
    {
        var node = reader.Mapping(YamlReader.Get(map, key), key);
        if (node is null) return new Dictionary<string, object?>();
        return (Dictionary<string, object?>)reader.Value(node, path => path.Any(HookKeys.Contains))!;
    }

    private static IReadOnlyDictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> first, IReadOnlyDictionary<string, object?> second)
    {
        if (first.Count == 0) return second;
        if (second.Count == 0) return first;
        var merged = new Dictionary<string, object?>(first, StringComparer.Ordinal);
        foreach (var (k, v) in second) merged[k] = v;
        return merged;
    }

    private static List<string> Hooks(YamlReader reader, YamlMappingNode map, string key)
    {
        var node = YamlReader.Get(map, key);
        if (node is null || YamlReader.IsNull(node)) return [];
        // Not rendered now: hooks see the run's context. Read raw text without the renderer.
        var raw = new YamlReader(reader.Source, reader.Diagnostics);
        return raw.StringList(node, key, allowSingle: true) ?? [];
    }

    private static (Dictionary<string, object?> Flat, Dictionary<string, object?> AsWritten) Vars(YamlReader reader, YamlMappingNode map, string projectName)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var node = reader.Mapping(YamlReader.Get(map, "vars"), "vars");
        if (node is null) return (result, new Dictionary<string, object?>(StringComparer.Ordinal));
        var all = (Dictionary<string, object?>)reader.Value(node)!;
        foreach (var (k, v) in all)
        {
            if (k != projectName || v is not Dictionary<string, object?>) result[k] = v;
        }
        // The project's own scope wins over global vars, as in dbt.
        if (all.TryGetValue(projectName, out var scoped) && scoped is Dictionary<string, object?> own)
        {
            foreach (var (k, v) in own) result[k] = v;
        }
        return (result, all);
    }
}
