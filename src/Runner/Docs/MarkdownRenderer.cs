using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Descriptions and docs blocks to HTML with Markdig: CommonMark plus pipe tables. The site puts
/// this HTML into the page, and a description is anyone's text, so it must not run: raw HTML is
/// escaped (shown as text), and a link or image may only point at http, https, mailto or a
/// relative address; any other scheme (javascript:, data:, vbscript:) becomes "#".
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        if (IsPlainSentence(markdown)) return $"<p>{markdown}</p>\n";
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested past its depth limit (thousands of `>` or list
            // markers) rather than overflow the stack; such a description is shown as plain text.
            return $"<p>{WebUtility.HtmlEncode(markdown)}</p>\n";
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            // A dynamic URL is computed at render time and would skip the check below.
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            link.GetDynamicUrl = null;
            link.Url = SafeUrl(url);
            if (!link.IsImage && IsWeb(link.Url))
            {
                var attributes = link.GetAttributes();
                attributes.AddPropertyIfNotExist("target", "_blank");
                attributes.AddPropertyIfNotExist("rel", "noopener");
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail) autolink.Url = SafeUrl(autolink.Url);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Whether <paramref name="markdown"/> is one line of words and punctuation that CommonMark gives
    /// no meaning to (most descriptions of a large project): then it is one paragraph of itself, as
    /// Markdig renders it, with nothing to escape. It starts with a letter (no list, heading or
    /// indented code), ends without a space (no hard break), and a run of underscores sits inside a
    /// word, where it can neither open nor close emphasis.
    /// </summary>
    internal static bool IsPlainSentence(string markdown)
    {
        if (!char.IsAsciiLetter(markdown[0]) || markdown[^1] == ' ') return false;
        for (var i = 1; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or ',' or ';' or ':' or '(' or ')' or '?' or '/' or '%' or '\'' or '-') continue;
            if (c != '_' || !char.IsAsciiLetterOrDigit(markdown[i - 1])) return false;
            var end = i;
            while (end < markdown.Length && markdown[end] == '_') end++;
            if (end == markdown.Length || !char.IsAsciiLetterOrDigit(markdown[end])) return false;
            i = end;
        }
        return true;
    }

    /// <summary>The URL when its scheme is allowed (or it has none), else "#".</summary>
    internal static string SafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "";
        // Browsers drop tabs, newlines and other control characters inside a scheme
        // ("java\tscript:"), so judge the URL without them.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        var boundary = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (boundary >= 0 && boundary < colon)) return url;
        return compact[..colon].ToLowerInvariant() is "http" or "https" or "mailto" ? url : "#";
    }

    private static bool IsWeb(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
