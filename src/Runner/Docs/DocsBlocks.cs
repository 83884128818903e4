using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Runner.Docs;

/// <summary>
/// The <c>{% docs name %}…{% enddocs %}</c> blocks of the project's .md files, by name, as
/// Markdown text. <c>__overview__</c> is the site's home page, as in dbt.
/// </summary>
internal sealed class DocsBlocks
{
    public const string OverviewName = "__overview__";

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Texts => _texts;

    // dbt scopes docs per package (doc('pkg', 'name')): two packages may each define a doc of one name.
    private readonly Dictionary<(string Package, string Name), string> _scoped = [];

    /// <summary>A doc by bare name: the first added wins, and the root project is added first.</summary>
    public string? Find(string name) => _texts.GetValueOrDefault(name);

    /// <summary><c>doc('package', 'name')</c>: that package's block, else any block of that name.</summary>
    public string? Find(string? package, string name) =>
        package is not null && _scoped.TryGetValue((package, name), out var text) ? text : Find(name);

    public void Add(string name, string text, string? package = null)
    {
        _texts.TryAdd(name, text);
        if (package is not null) _scoped.TryAdd((package, name), text);
    }

    /// <summary>Collects each project's docs blocks (root first); duplicates are checked per package.</summary>
    public static DocsBlocks Collect(IEnumerable<(string Package, IEnumerable<ProjectFileEntry> Files)> projects, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        var blocks = new DocsBlocks();
        foreach (var (package, files) in projects) blocks.CollectFrom(package, files, engine, diagnostics);
        return blocks;
    }

    public static DocsBlocks Collect(IEnumerable<ProjectFileEntry> files, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        var blocks = new DocsBlocks();
        blocks.CollectFrom(null, files, engine, diagnostics);
        return blocks;
    }

    private void CollectFrom(string? package, IEnumerable<ProjectFileEntry> files, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var template = engine.Parse(file.Source, diagnostics);
            foreach (var block in template.Blocks)
            {
                if (block.Kind != "docs") continue;
                if (first.TryGetValue(block.Name, out var earlier))
                {
                    diagnostics.Add(DiagnosticCodes.Docs.DuplicateDoc(block.Span, block.Name, earlier));
                    continue;
                }
                first[block.Name] = block.Span;
                Add(block.Name, BodyText(block.Span), package);
            }
        }
    }

    /// <summary>
    /// The text between the opening tag's <c>%}</c> and the closing tag's <c>{%</c>. Docs bodies are
    /// Markdown, so they are shown as written rather than rendered as templates.
    /// </summary>
    internal static string BodyText(SourceSpan span)
    {
        var text = span.Source.Text;
        var open = text.IndexOf("%}", span.Start, StringComparison.Ordinal);
        var close = text.LastIndexOf("{%", Math.Max(span.End - 1, 0), StringComparison.Ordinal);
        if (open < 0 || close < open + 2) return "";
        return text[(open + 2)..close].Trim();
    }
}
