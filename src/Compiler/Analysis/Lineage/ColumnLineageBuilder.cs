using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;

namespace ModelForge.Compiler.Analysis.Lineage;

// Column-level lineage of a project's models. Every model's compiled SQL is parsed once (in one
// batch), then models are analysed in topological order so that select * over an upstream
// model expands to the columns found for it.
internal static class ColumnLineageBuilder
{
    // compiledSql: Compiled SQL by unique id; models without an entry are skipped.
    // parser: The target's parser (DuckDB's json_serialize_sql, ScriptDom).
    // catalogColumns: Columns read from the warehouse by unique id (catalog.json), when known: they win over everything else.
    public static LineageResult Build(CompiledProject project, IReadOnlyDictionary<string, string> compiledSql, IQueryParser parser,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns = null)
    {
        var catalog = new ProjectRelationCatalog(project.Nodes.Values);
        foreach (var node in project.Nodes.Values)
        {
            if (KnownColumnsOf(node, catalogColumns) is { } known) catalog.SetColumns(node.UniqueId, known);
        }

        var models = project.Order
            .Where(id => project.Nodes[id].ResourceType == ResourceType.Model && compiledSql.ContainsKey(id))
            .ToList();
        var parsed = parser.Parse(models.Select(id => compiledSql[id]).ToList());

        var analyzer = new QueryLineageAnalyzer(catalog);
        var result = new Dictionary<string, ModelLineage>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < models.Count; i++)
        {
            var node = project.Nodes[models[i]];
            var parse = parsed[i];
            ModelLineage lineage;
            if (parse.Query is { } query)
            {
                catalog.DependsOn = node.DependsOn;
                lineage = ToLineage(node.UniqueId, analyzer.Analyze(query));
            }
            else
            {
                var reason = parse.Error is { } error ? $"its compiled SQL does not parse: {error}" : $"its compiled SQL is {parse.NotAQuery}, not a single query";
                diagnostics.Add(parse.Error is { } message
                    ? DiagnosticCodes.Lineage.UnparsableSql(node.DefinitionSpan, node.Name, message, NodeCompiler.CompiledPath(project, node))
                    : DiagnosticCodes.Lineage.NotAQuery(node.DefinitionSpan, node.Name, parse.NotAQuery ?? "empty"));
                lineage = new ModelLineage(node.UniqueId, [], reason);
            }
            result[node.UniqueId] = lineage;
            if (catalogColumns?.ContainsKey(node.UniqueId) != true && lineage.Columns.Count > 0)
            {
                catalog.SetColumns(node.UniqueId, new KnownColumns(lineage.Columns.Select(c => c.Name).ToList(),
                    lineage.Unresolved is null, "from its SQL"));
            }
        }
        return new LineageResult(result, diagnostics);
    }

    internal static ModelLineage ToLineage(string nodeId, Shape shape)
    {
        var columns = shape.Columns
            .Select(c => new ColumnLineage(c.Name, c.Source.Origins,
                c.Source.Unresolved.Count == 0 ? null : string.Join("; ", c.Source.Unresolved)))
            .ToList();
        var unresolved = shape.IsComplete ? null
            : string.Join("; ", shape.Open.Select(o => $"select * over {o.Relation}: {o.Reason}").Distinct());
        return new ModelLineage(nodeId, columns, unresolved);
    }

    private static KnownColumns? KnownColumnsOf(ProjectNode node, IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns)
    {
        if (catalogColumns is not null && catalogColumns.TryGetValue(node.UniqueId, out var fromCatalog))
        {
            return new KnownColumns(fromCatalog, true, "catalog");
        }
        if (node.ResourceType == ResourceType.Seed && SeedHeader(node) is { } header)
        {
            return new KnownColumns(header, true, "seed header");
        }
        var declared = node.Properties?.Columns ?? node.SourceTable?.Columns ?? [];
        // For a model this stands in only until (unless) its own SQL gives its columns.
        if (declared.Count == 0) return null;
        return new KnownColumns(declared.Select(c => c.Name).ToList(), false, "YAML declares them, the catalog was not read");
    }

    private static IReadOnlyList<string>? SeedHeader(ProjectNode node)
    {
        if (node.File is not { } file) return null;
        var bag = new DiagnosticBag();
        var options = SeedOptions.FromConfig(node.Config, node.Path, bag);
        var text = file.Source.Text;
        var end = text.IndexOf('\n');
        // The header alone is enough; a seed with a bad header is reported by `forge seed`.
        var header = new SourceText(node.Path, end < 0 ? text : text[..end].TrimEnd('\r'));
        var table = CsvReader.Read(header, options?.Delimiter ?? ',', bag);
        return table is null || bag.HasErrors ? null : table.ColumnNames;
    }
}
