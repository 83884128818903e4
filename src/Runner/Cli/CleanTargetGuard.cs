using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Runner.Cli;

/// <summary>
/// Checks every clean-targets entry before `forge clean` deletes anything: an entry that is the
/// project folder, lies outside it, or overlaps a folder holding sources (models, seeds, macros…)
/// would delete the user's work, so the whole clean is refused.
/// </summary>
internal static class CleanTargetGuard
{
    /// <returns>The problems, each at its entry in the project file; empty when every entry is safe.</returns>
    public static List<Diagnostic> Check(LoadedProject project)
    {
        var file = project.ProjectFile;
        var root = Normalize(project.Root);
        var sources = file.ModelPaths.Concat(file.SeedPaths).Concat(file.TestPaths).Concat(file.MacroPaths)
            .Concat(file.SnapshotPaths).Concat(file.AnalysisPaths).Concat(file.DocsPaths)
            .Select(p => (Written: p, Full: Normalize(Path.Combine(project.Root, p)))).ToList();
        var problems = new List<Diagnostic>();
        foreach (var target in file.CleanTargets)
        {
            var full = Normalize(Path.Combine(project.Root, target));
            string? why = null;
            if (full == root || IsInside(root, full)) why = "is the project folder itself";
            else if (!IsInside(full, root)) why = "is outside the project folder";
            else if (sources.FirstOrDefault(s => s.Full == full || IsInside(s.Full, full) || IsInside(full, s.Full)) is { Written: not null } source)
                why = source.Full == full ? $"is the source folder '{source.Written}'" : $"overlaps the source folder '{source.Written}'";
            if (why is not null) problems.Add(DiagnosticCodes.Reliability.UnsafeCleanTarget(SpanOf(file, target), target, why) with { FilePath = file.Source.Path });
        }
        return problems;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>True when <paramref name="path"/> lies strictly below <paramref name="folder"/>.</summary>
    private static bool IsInside(string path, string folder) =>
        path.Length > folder.Length && path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static SourceSpan? SpanOf(ProjectFile file, string target)
    {
        var scratch = new DiagnosticBag();
        if (!YamlDocumentLoader.TryLoad(file.Source, scratch, out var document) || document is not YamlMappingNode map) return null;
        if (!map.Children.TryGetValue(new YamlScalarNode("clean-targets"), out var node)) return null;
        var entry = node is YamlSequenceNode list
            ? list.Children.FirstOrDefault(c => c is YamlScalarNode s && Path.TrimEndingDirectorySeparator(s.Value ?? "") == Path.TrimEndingDirectorySeparator(target)) ?? node
            : node;
        return YamlValues.SpanOf(file.Source, entry);
    }
}
