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

    public string? Find(string name) => _texts.GetValueOrDefault(name);

    public void Add(string name, string text) => _texts.TryAdd(name, text);

    public static DocsBlocks Collect(IEnumerable<ProjectFileEntry> files, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        var blocks = new DocsBlocks();
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
                blocks.Add(block.Name, BodyText(block.Span));
            }
        }
        return blocks;
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
