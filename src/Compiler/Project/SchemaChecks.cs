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
        CheckDuplicates(schema.Macros, m => m.Name, m => m.Span, "macro", diagnostics);
        CheckDuplicates(schema.Sources.SelectMany(s => s.Tables), t => $"{t.SourceName}.{t.Name}", t => t.Span, "source table", diagnostics);
    }

    private static void CheckNodes(IReadOnlyList<NodeProperties> entries, IReadOnlyList<ProjectFileEntry> files, string kind, bool warnWithoutFile, DiagnosticBag diagnostics)
    {
        CheckDuplicates(entries, e => e.Name, e => e.Span, kind, diagnostics);
        if (!warnWithoutFile) return;
        var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // A versioned model's files are its versions' (<name>_v<v> or defined_in).
            if (!names.Contains(entry.Name) && !entry.Raw.ContainsKey("versions"))
                diagnostics.Add(DiagnosticCodes.Project.YamlEntryWithoutFile(entry.Span, kind, entry.Name, NameSuggester.Nearest(entry.Name, names)));
        }
    }

    // Over the entries themselves rather than (name, span) tuples: LINQ and dictionaries over a tuple
    // or a SourceSpan are generic code JIT-compiled on every cold start, over classes they are not.
    private static void CheckDuplicates<T>(IEnumerable<T> entries, Func<T, string> name, Func<T, SourceSpan> span, string kind, DiagnosticBag diagnostics)
        where T : class
    {
        var first = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var entryName = name(entry);
            if (!first.TryAdd(entryName, entry)) diagnostics.Add(DiagnosticCodes.Project.DuplicateYamlEntry(span(entry), kind, entryName, span(first[entryName])));
        }
    }
}
