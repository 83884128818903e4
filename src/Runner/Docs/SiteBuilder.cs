using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Turns the compiled project, catalog, run results and lineage into the site's pages, lays out
/// the lineage graph and builds the search index.
/// </summary>
internal sealed partial class SiteBuilder(DocsInput input, DocsBlocks blocks, DiagnosticBag diagnostics)
{
    private readonly DocReferenceResolver _docs = new(blocks, diagnostics);
    private readonly List<SiteEntry> _entries = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    // Descriptions waiting for Markdown: rendered together, in parallel, once every entry exists.
    private readonly List<(IDescribed Target, string Markdown)> _descriptions = [];

    // The SQL's words, indexed by BuildEntries; names, columns and descriptions join them in Complete.
    private SearchIndexBuilder[] _sqlParts = [];

    public SiteContent Build()
    {
        BuildEntries();
        return Complete(input.Lineage);
    }

    /// <summary>
    /// Everything but the column lineage (<see cref="DocsInput.Lineage"/> is not read): the pages with the columns the
    /// catalog and YAML give, doc references, parents, Markdown and the SQL's part of the search index. Generate builds
    /// these while the lineage is checked on another thread.
    /// </summary>
    public void BuildEntries()
    {
        var project = input.Project;
        var nodes = project.Order.Select(id => project.Nodes[id])
            .Where(n => n.ResourceType is not (ResourceType.Macro or ResourceType.Docs or ResourceType.Yaml or ResourceType.UnitTest)).ToArray();
        // Entries are independent and built in parallel; their descriptions' doc references then resolve in order.
        var built = new (SiteEntry Entry, List<PendingDescription> Descriptions)[nodes.Length];
        ParallelLoop.For(nodes.Length, i =>
        {
            var descriptions = new List<PendingDescription>();
            built[i] = (NodeEntry(nodes[i], descriptions), descriptions);
        });
        PhaseTimings.Step("entries built");
        foreach (var (entry, descriptions) in built)
        {
            foreach (var (markdown, span, target) in descriptions) DescribeLater(_docs.Resolve(markdown, span), target);
            Add(entry);
        }
        foreach (var entry in MacroEntries()) Add(entry);
        PhaseTimings.Step("references resolved");

        // On every core: ids in the order are distinct, so each entry's list is filled by one iteration alone.
        var order = project.Order;
        ParallelLoop.For(order.Count, k =>
        {
            if (!_index.TryGetValue(order[k], out var at)) return;
            foreach (var parent in project.Nodes[order[k]].DependsOn)
            {
                if (_index.TryGetValue(parent, out var from)) _entries[at].DependsOn.Add(from);
            }
        });
        PhaseTimings.Mark("site: entries");
        RenderDescriptions();
        PhaseTimings.Mark("site: markdown");
        // Most of the index's words: they need only the entries' order and SQL, not their columns.
        _sqlParts = SearchParts(static (builder, i, entry) => builder.Add(i, SearchField.Sql, entry.CompiledCode ?? entry.RawCode));
        PhaseTimings.Mark("site: search index (SQL)");
    }

    /// <summary>The pages completed with <paramref name="lineage"/>'s columns, the rest of the search index and the layout.</summary>
    public SiteContent Complete(IReadOnlyDictionary<string, Dictionary<string, ColumnLineage>> lineage)
    {
        var project = input.Project;
        AddLineage(lineage);
        PhaseTimings.Mark("site: lineage columns");
        // The layout (one thread) needs only the project; generate starts it early, else it runs beside the search index.
        var layout = input.Graph ?? Task.Run(() => SiteGraph.Of(project));
        var overview = blocks.Find(DocsBlocks.OverviewName) is { } text ? MarkdownRenderer.Render(text) : null;
        var search = SearchIndexBuilder.Build(_sqlParts, SearchParts(AddTextToIndex));
        PhaseTimings.Mark("site: search index");
        var graph = layout.GetAwaiter().GetResult();
        foreach (var entry in _entries)
        {
            if (entry.InGraph) (entry.Layer, entry.Order) = graph.Place(entry.Id);
        }
        PhaseTimings.Mark("site: layout (rest)");
        return new SiteContent(project.Name, project.Project.Target.Type, input.GeneratedAt, overview, _entries, search);
    }

    // Doc references resolve here, in order (their diagnostics keep a stable order); Markdown waits for RenderDescriptions.
    private void DescribeLater(string markdown, IDescribed target)
    {
        if (!string.IsNullOrWhiteSpace(markdown)) _descriptions.Add((target, markdown));
    }

    // Markdig's pipeline is immutable and shared. A text many columns share ("Primary key.") is rendered once.
    private void RenderDescriptions()
    {
        var distinct = _descriptions.Select(d => d.Markdown).Distinct(StringComparer.Ordinal).ToArray();
        var html = new string[distinct.Length];
        ParallelLoop.For(distinct.Length, i => html[i] = MarkdownRenderer.Render(distinct[i]));
        var byMarkdown = new Dictionary<string, string>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++) byMarkdown[distinct[i]] = html[i];
        foreach (var (target, markdown) in _descriptions) target.DescriptionHtml = byMarkdown[markdown];
    }

    private void Add(SiteEntry entry)
    {
        if (_index.ContainsKey(entry.Id)) return;
        _index[entry.Id] = _entries.Count;
        _entries.Add(entry);
    }

    // A description as written (doc references unresolved), where it was written, and where its HTML goes.
    private readonly record struct PendingDescription(string? Text, SourceSpan? Span, IDescribed Target);

    // The site's type names, made once rather than an enum's text and its lower-cased copy per node.
    // By value: GetNames lists them in value order, and ResourceType counts from 0 (no generic method to compile at run time).
    private static readonly string[] TypeNames = Array.ConvertAll(Enum.GetNames(typeof(ResourceType)), n => n.ToLowerInvariant());

    private SiteEntry NodeEntry(ProjectNode node, List<PendingDescription> descriptions)
    {
        var type = TypeNames[(int)node.ResourceType];
        var isSource = node.ResourceType == ResourceType.Source;
        var folder = isSource ? $"sources/{node.SourceTable?.SourceName}" : DirectoryOf(node.Path);
        var entry = new SiteEntry
        {
            Id = node.UniqueId,
            Name = isSource ? $"{node.SourceTable?.SourceName}.{node.Name}" : node.Name,
            Type = type,
            Package = node.PackageName,
            Path = node.Path,
            Folder = folder,
            Tags = node.Config.Tags,
            Materialized = node.ResourceType is ResourceType.Model ? node.Materialized : null,
            Relation = node.Materialized == "ephemeral" || node.ResourceType is ResourceType.Test ? null : node.Relation.Render(),
            Config = node.Config,
            RawCode = node.File?.Source.Text,
            CompiledCode = input.CompiledSql.GetValueOrDefault(node.UniqueId),
            InGraph = SiteGraph.Draws(node.ResourceType),
            Run = input.RunResults.GetValueOrDefault(node.UniqueId),
        };
        descriptions.Add(new(node.Description, node.Properties?.Span ?? node.SourceTable?.Span, entry));
        AddColumns(node, entry, descriptions);
        foreach (var test in node.Properties?.Tests ?? []) entry.AddTest(Describe(test));
        return entry;
    }

    private IEnumerable<SiteEntry> MacroEntries()
    {
        var project = input.Project;
        var package = project.Name;
        if (!project.Macros.HasPackage(package)) yield break;
        var properties = project.Project.Schema.Macros.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var name in project.Macros.NamesIn(package).Order(StringComparer.Ordinal))
        {
            var macro = project.Macros.FindInPackage(package, name)!;
            var entry = new SiteEntry
            {
                Id = $"macro.{package}.{name}",
                Name = name,
                Type = "macro",
                Package = package,
                Path = macro.Span.Path,
                Folder = DirectoryOf(macro.Span.Path),
                RawCode = macro.Span.Source.Text,
            };
            if (properties.TryGetValue(name, out var described)) DescribeLater(_docs.Resolve(described.Description, described.Span), entry);
            yield return entry;
        }
    }

    /// <summary>
    /// Chunks of entries indexed in parallel by <paramref name="add"/>, each chunk's builder over its own ascending
    /// documents (as <see cref="SearchIndexBuilder.Build(IReadOnlyList{SearchIndexBuilder}, IReadOnlyList{SearchIndexBuilder})"/> takes them).
    /// </summary>
    private SearchIndexBuilder[] SearchParts(Action<SearchIndexBuilder, int, SiteEntry> add)
    {
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount * 2, _entries.Count / 500));
        var builders = new SearchIndexBuilder[chunks];
        ParallelLoop.For(chunks, c =>
        {
            var builder = builders[c] = new SearchIndexBuilder();
            var end = (int)((long)_entries.Count * (c + 1) / chunks);
            for (var i = (int)((long)_entries.Count * c / chunks); i < end; i++) add(builder, i, _entries[i]);
        }, alone: 2);
        return builders;
    }

    // A page's words but its SQL's: name, description, columns and theirs.
    private static void AddTextToIndex(SearchIndexBuilder builder, int i, SiteEntry entry)
    {
        builder.Add(i, SearchField.Name, entry.Name);
        builder.Add(i, SearchField.Description, entry.DescriptionHtml.Length > 0 ? StripTags(entry.DescriptionHtml) : null);
        foreach (var column in entry.Columns)
        {
            builder.Add(i, SearchField.Column, column.Name);
            builder.Add(i, SearchField.Description, column.DescriptionHtml.Length > 0 ? StripTags(column.DescriptionHtml) : null);
        }
    }

    private static string StripTags(string html)
    {
        var text = new System.Text.StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>') { inTag = false; text.Append(' '); }
            else if (!inTag) text.Append(c);
        }
        return text.ToString();
    }

    private static string DirectoryOf(string path)
    {
        var slash = path.Replace('\\', '/').LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
