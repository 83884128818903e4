using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>Checks across schema files: an entry described twice, an entry without its file.</summary>
internal static class SchemaChecks
{
    public static void Run(ProjectSchema schema, DiscoveredFiles files, DiagnosticBag diagnostics)
    {
        CheckNodes(schema.Models, files.Models, "model", warnWithoutFile: true, diagnostics);
        CheckNodes(schema.Seeds, files.Seeds, "seed", warnWithoutFile: true, diagnostics);
        // Snapshots may be defined in YAML alone (dbt 1.9's `relation:` form).
        CheckNodes(schema.Snapshots, files.Snapshots, "snapshot", warnWithoutFile: false, diagnostics);
        CheckNodes(schema.Analyses, files.Analyses, "analysis", warnWithoutFile: true, diagnostics);
        CheckDuplicates(schema.Macros.Select(m => (m.Name, m.Span)), "macro", diagnostics);
        CheckDuplicates(schema.Sources.SelectMany(s => s.Tables).Select(t => ($"{t.SourceName}.{t.Name}", t.Span)), "source table", diagnostics);
    }

    private static void CheckNodes(IReadOnlyList<NodeProperties> entries, IReadOnlyList<ProjectFileEntry> files, string kind, bool warnWithoutFile, DiagnosticBag diagnostics)
    {
        CheckDuplicates(entries.Select(e => (e.Name, e.Span)), kind, diagnostics);
        if (!warnWithoutFile) return;
        var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // A versioned model's files are its versions' (<name>_v<v> or defined_in).
            if (!names.Contains(entry.Name) && !entry.Raw.ContainsKey("versions"))
                diagnostics.Add(DiagnosticCodes.Project.YamlEntryWithoutFile(entry.Span, kind, entry.Name, NameSuggester.Nearest(entry.Name, names)));
        }
    }

    private static void CheckDuplicates(IEnumerable<(string Name, SourceSpan Span)> entries, string kind, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var (name, span) in entries)
        {
            if (!first.TryAdd(name, span)) diagnostics.Add(DiagnosticCodes.Project.DuplicateYamlEntry(span, kind, name, first[name]));
        }
    }
}
