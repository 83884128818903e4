using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;

namespace ModelForge.Compiler.Analysis.Lineage;

// Column-level lineage of a project's models. Every model's compiled SQL is parsed once (in one
// batch), then models are analysed in topological order so that select * over an upstream
// model expands to the columns found for it.
internal static partial class ColumnLineageBuilder
{
    // compiledSql: Compiled SQL by unique id; models without an entry are skipped.
    // parser: The target's parser (DuckDB's json_serialize_sql, ScriptDom).
    // catalogColumns: Columns read from the warehouse by unique id (catalog.json), when known: they win over everything else.
    // cache: The last pass's results (LineageCache); models it still holds for are neither parsed nor analysed, and it
    // is filled with this pass's results for the caller to save.
    public static LineageResult Build(CompiledProject project, IReadOnlyDictionary<string, string> compiledSql, IQueryParser parser,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns = null, LineageCache? cache = null)
    {
        var models = project.Order
            .Where(id => project.Nodes[id].ResourceType == ResourceType.Model && compiledSql.ContainsKey(id))
            .ToList();
        var hashes = new string[models.Count];
        if (cache is not null) ParallelLoop.For(models.Count, i => hashes[i] = ContentHash.Of(compiledSql[models[i]]));
        PhaseTimings.Mark("lineage: hash");

        // Parse up front, in one batch, every model the cache may not hold for: none when the pass's inputs are the last
        // pass's (PassKey); else those Held cannot vouch for.
        var held = new bool[models.Count];
        if (cache is not null)
        {
            cache.Pass = PassKey(project, models, hashes, catalogColumns);
            if (cache.Covers(models, hashes))
            {
                PhaseTimings.Note("lineage: the last pass's inputs; its entries taken as they stand");
                for (var i = 0; i < held.Length; i++) held[i] = true;
            }
            else
            {
                held = Held(project, models, hashes, cache, catalogColumns);
            }
        }
        var parseAt = Enumerable.Range(0, models.Count).Where(i => !held[i]).ToList();
        var parsedAt = parser.Parse(parseAt.Select(i => compiledSql[models[i]]).ToList());
        var parsed = new QueryParseResult?[models.Count];
        for (var i = 0; i < parseAt.Count; i++) parsed[parseAt[i]] = parsedAt[i];
        PhaseTimings.Mark("lineage: parse");

        // The catalog as the in-order loop sees it is made at the first model Held did not vouch for, with every model
        // before it learned: models held need no lookups, and when all are (nothing changed) it is not made at all.
        ProjectRelationCatalog? catalog = null;
        RecordingCatalog? recorder = null;
        QueryLineageAnalyzer? analyzer = null;
        var result = new Dictionary<string, ModelLineage>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < models.Count; i++)
        {
            var node = project.Nodes[models[i]];
            if (catalog is null && !held[i])
            {
                catalog = CatalogOf(project, catalogColumns);
                for (var j = 0; j < i; j++) Learn(catalog, project.Nodes[models[j]], result[models[j]], catalogColumns);
                recorder = new RecordingCatalog(catalog);
                analyzer = new QueryLineageAnalyzer(recorder);
            }
            if (catalog is not null) catalog.DependsOn = node.DependsOn;
            LineageCache.Entry? entry = null;
            // A model the cache held for in Held still does (its lookups answer the same); one it did not may, when an
            // upstream model was analysed again to the same columns.
            if (cache?.Find(node.UniqueId, hashes[i]) is { } last && (held[i] || LineageCache.Holds(last, catalog!, node.DependsOn)))
            {
                entry = last;
                cache.Reuse(node.UniqueId, last);
            }
            else
            {
                recorder!.Clear();
                // Parsed up front unless the cache was expected to hold; a miss there is parsed alone.
                var parse = parsed[i] ?? parser.Parse([compiledSql[node.UniqueId]])[0];
                if (parse.Query is { } query)
                {
                    var lineage = ToLineage(node.UniqueId, analyzer!.Analyze(query));
                    entry = new LineageCache.Entry(hashes[i], cache is null ? "" : LineageCache.KeyOf(hashes[i], recorder.Lookups, recorder.Shapes),
                        [.. recorder.Lookups], lineage, null, null);
                }
                else
                {
                    entry = new LineageCache.Entry(hashes[i], hashes[i], [], null, parse.Error, parse.Error is null ? parse.NotAQuery ?? "empty" : null);
                }
                cache?.Store(node.UniqueId, entry);
            }
            result[node.UniqueId] = Outcome(project, node, entry, diagnostics);
            if (catalog is not null) Learn(catalog, node, result[node.UniqueId], catalogColumns);
        }
        return new LineageResult(result, diagnostics);
    }

    // Which models (by index) the cache surely holds for: an entry for their SQL whose lookups answer
    // the same now, none of them reading a model the cache may not hold for (its columns are not known
    // before it is analysed). The others are parsed up front. A false here only costs a parse: Build
    // checks such a model again in order, so this may be conservative but never wrong.
    //
    // Checked layer by layer on all cores: a model's layer is one past the deepest earlier model (in
    // Order) its lookups read, so every column it reads is set before its layer and none changes
    // during it. A model reading a later model sees that model's columns as they were before its
    // own learning, as the in-order loop does; when layering cannot keep that, it is not held.
    private static bool[] Held(CompiledProject project, List<string> models, string[] hashes, LineageCache cache,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns)
    {
        var catalog = CatalogOf(project, catalogColumns);
        var index = new Dictionary<string, int>(models.Count, StringComparer.Ordinal);
        for (var i = 0; i < models.Count; i++) index[models[i]] = i;
        var entries = new LineageCache.Entry?[models.Count];
        var reads = new int[models.Count][];
        ParallelLoop.For(models.Count, i =>
        {
            var node = project.Nodes[models[i]];
            if (cache.Find(node.UniqueId, hashes[i]) is not { } entry) return;
            entries[i] = entry;
            reads[i] = entry.Lookups.Select(l => catalog.FindNode(l.Table, node.DependsOn) is { } read && index.TryGetValue(read.UniqueId, out var at) ? at : -1)
                .Where(at => at >= 0).ToArray();
        });

        var layer = new int[models.Count];
        var layered = new bool[models.Count];
        for (var i = 0; i < models.Count; i++)
        {
            if (entries[i] is null) continue;
            layered[i] = true;
            foreach (var at in reads[i])
            {
                if (at < i) layer[i] = Math.Max(layer[i], layer[at] + 1);
            }
        }
        for (var i = 0; i < models.Count; i++)
        {
            // A later model learned in an earlier layer would show this one columns the in-order loop does not.
            if (layered[i] && reads[i].Any(at => at > i && layer[at] < layer[i])) layered[i] = false;
        }

        var held = new bool[models.Count];
        var uncertain = new bool[models.Count];
        for (var i = 0; i < models.Count; i++) uncertain[i] = !layered[i];
        foreach (var members in Enumerable.Range(0, models.Count).Where(i => layered[i]).GroupBy(i => layer[i]).OrderBy(g => g.Key))
        {
            var batch = members.ToArray();
            ParallelLoop.For(batch.Length, k =>
            {
                var i = batch[k];
                held[i] = !reads[i].Any(at => at < i && uncertain[at]) && LineageCache.Holds(entries[i]!, catalog, project.Nodes[models[i]].DependsOn);
            });
            // Columns are set between layers only, never while one is being checked.
            foreach (var i in batch)
            {
                uncertain[i] = !held[i];
                if (held[i] && entries[i]!.Lineage is { } lineage) Learn(catalog, project.Nodes[models[i]], lineage, catalogColumns);
            }
        }
        return held;
    }

    private static ProjectRelationCatalog CatalogOf(CompiledProject project, IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns)
    {
        var catalog = new ProjectRelationCatalog(project.Nodes.Values);
        foreach (var node in project.Nodes.Values)
        {
            if (KnownColumnsOf(node, catalogColumns) is { } known) catalog.SetColumns(node.UniqueId, known);
        }
        return catalog;
    }

    private static ModelLineage Outcome(CompiledProject project, ProjectNode node, LineageCache.Entry entry, List<Diagnostic> diagnostics)
    {
        if (entry.Lineage is { } lineage) return lineage;
        var reason = entry.Error is { } error ? $"its compiled SQL does not parse: {error}" : $"its compiled SQL is {entry.NotAQuery}, not a single query";
        diagnostics.Add(entry.Error is { } message
            ? DiagnosticCodes.Lineage.UnparsableSql(node.DefinitionSpan, node.Name, message, NodeCompiler.CompiledPath(project, node))
            : DiagnosticCodes.Lineage.NotAQuery(node.DefinitionSpan, node.Name, entry.NotAQuery ?? "empty"));
        return new ModelLineage(node.UniqueId, [], reason);
    }

    // A model's own columns stand for it downstream, unless the warehouse catalog gave them.
    private static void Learn(ProjectRelationCatalog catalog, ProjectNode node, ModelLineage lineage,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns)
    {
        if (catalogColumns?.ContainsKey(node.UniqueId) == true || lineage.Columns.Count == 0) return;
        catalog.SetColumns(node.UniqueId, new KnownColumns(lineage.Columns.Select(c => c.Name).ToList(), lineage.Unresolved is null, "from its SQL"));
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
