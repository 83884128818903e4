using ModelForge.Runner.Docs;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

public sealed class MarkdownRendererTests
{
    [Test]
    public void Headings_paragraphs_and_emphasis_render()
    {
        var html = MarkdownRenderer.Render("# Title\n\nSome **bold** and *italic* and `code`.\nSame paragraph.");

        Assert.That(html, Is.EqualTo("<h1>Title</h1>\n<p>Some <strong>bold</strong> and <em>italic</em> and <code>code</code>.\nSame paragraph.</p>\n"));
    }

    [Test]
    public void Bullet_and_numbered_lists_render_with_continuation_lines()
    {
        var html = MarkdownRenderer.Render("- **staging** (`stg_*`): one model\n  per raw table.\n- marts\n\n1. first\n2. second");

        Assert.That(html, Is.EqualTo(
            "<ul>\n<li><strong>staging</strong> (<code>stg_*</code>): one model per raw table.</li>\n<li>marts</li>\n</ul>\n" +
            "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"));
    }

    [Test]
    public void Fenced_code_is_escaped_and_kept_verbatim()
    {
        var html = MarkdownRenderer.Render("```sql\nselect a < b, *\nfrom t\n```");

        Assert.That(html, Is.EqualTo("<pre><code class=\"language-sql\">select a &lt; b, *\nfrom t</code></pre>\n"));
    }

    [Test]
    public void Links_render_and_script_urls_become_inert()
    {
        var html = MarkdownRenderer.Render("See [dbt](https://docs.getdbt.com) and [x](javascript:alert(1)).");

        Assert.That(html, Does.Contain("<a href=\"https://docs.getdbt.com\" target=\"_blank\" rel=\"noopener\">dbt</a>"));
        Assert.That(html, Does.Contain("<a href=\"#\">x</a>"));
    }

    [Test]
    public void Tables_render_with_alignment()
    {
        var html = MarkdownRenderer.Render("| plan | fee |\n|:-----|----:|\n| annual | 90 |");

        Assert.That(html, Is.EqualTo(
            "<table>\n<thead><tr><th style=\"text-align:left\">plan</th><th style=\"text-align:right\">fee</th></tr></thead>\n" +
            "<tbody>\n<tr><td style=\"text-align:left\">annual</td><td style=\"text-align:right\">90</td></tr>\n</tbody>\n</table>\n"));
    }

    [Test]
    public void Html_in_text_is_shown_not_run()
    {
        var html = MarkdownRenderer.Render("<script>alert('x')</script> & more");

        Assert.That(html, Is.EqualTo("<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; more</p>\n"));
    }

    [Test]
    public void Underscores_inside_names_are_not_emphasis()
    {
        var html = MarkdownRenderer.Render("the reporting_start_date var and _this_");

        Assert.That(html, Is.EqualTo("<p>the reporting_start_date var and <em>this</em></p>\n"));
    }
}
