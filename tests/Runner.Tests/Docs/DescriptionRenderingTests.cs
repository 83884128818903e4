using System.Text.Json;
using Markdig;
using ModelForge.Runner.Docs;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// What the docs site shows for a description: Markdown (CommonMark and pipe tables) as HTML, and
/// nothing in a description that can run script in the page.
/// </summary>
public sealed class DescriptionRenderingTests
{
    [Test]
    public void The_site_shows_descriptions_as_html_with_tables_and_raw_html_as_text()
    {
        using var project = new TempProject("shop").WithProjectFile()
            .With("models/orders.sql", "select 1 as order_id")
            .With("models/schema.yml", "models:\n  - name: orders\n    description: '{{ doc(\"orders\") }}'\n    columns:\n      - name: order_id\n        description: 'The **key**; see [orders](https://example.com/orders).'\n")
            .With("models/docs.md", "{% docs orders %}\n## Orders\n\n| plan | fee |\n|:-----|----:|\n| annual | 90 |\n\n<script>alert('x')</script> and [x](javascript:alert(1))\n{% enddocs %}\n");

        var result = project.Forge("docs", "generate", "--empty-catalog");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var orders = SiteNode(project, "orders");
        var html = orders.GetProperty("desc").GetString()!;
        Assert.That(html, Does.Contain("<h2>Orders</h2>"));
        Assert.That(html, Does.Contain("<table>").And.Contain("<th style=\"text-align: left;\">plan</th>").And.Contain("<td style=\"text-align: right;\">90</td>"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert('x')&lt;/script&gt;").And.Not.Contain("<script"));
        Assert.That(html, Does.Contain("<a href=\"#\">x</a>"));
        var column = orders.GetProperty("cols").EnumerateArray().Single().GetProperty("desc").GetString();
        Assert.That(column, Is.EqualTo("<p>The <strong>key</strong>; see <a href=\"https://example.com/orders\" target=\"_blank\" rel=\"noopener\">orders</a>.</p>\n"));
    }

    [TestCase("<img src=x onerror=alert(1)>")]
    [TestCase("<div onclick=\"alert(1)\">block html</div>")]
    [TestCase("a <iframe src=\"https://example.com\"></iframe> b")]
    [TestCase("<!-- comment --><svg onload=alert(1)>")]
    [TestCase("`code` then <a href=\"javascript:alert(1)\">html link</a>")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = MarkdownRenderer.Render(markdown);

        Assert.That(html, Does.Not.Match("<(img|div|iframe|svg|a|!--)[\\s>]"), html);
        Assert.That(html, Does.Contain("&lt;"), html);
    }

    [TestCase("[x](javascript:alert(1))")]
    [TestCase("[x](JavaScript:alert(1))")]
    [TestCase("[x](java&#9;script:alert(1))")]
    [TestCase("[x](<java script:alert(1)>)")]
    [TestCase("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [TestCase("[x](vbscript:msgbox)")]
    [TestCase("<javascript:alert(1)>")]
    [TestCase("[x][r]\n\n[r]: javascript:alert(1)")]
    [TestCase("![p](javascript:alert(1))")]
    public void Links_and_images_with_a_script_scheme_point_nowhere(string markdown)
    {
        var html = MarkdownRenderer.Render(markdown);

        Assert.That(html, Does.Match("(href|src)=\"#\""), html);
        Assert.That(html.ToLowerInvariant(), Does.Not.Contain("script:").And.Not.Contain("data:"), html);
    }

    [TestCase("[site](https://example.com/a?b=1#c)", "https://example.com/a?b=1#c")]
    [TestCase("[mail](mailto:data@example.com)", "mailto:data@example.com")]
    [TestCase("[other](#!/model/model.shop.orders)", "#!/model/model.shop.orders")]
    [TestCase("[rel](../orders.html)", "../orders.html")]
    [TestCase("[path](a/b:c)", "a/b:c")]
    public void Web_mail_and_relative_links_are_kept(string markdown, string href)
    {
        Assert.That(MarkdownRenderer.Render(markdown), Does.Contain($"href=\"{href}\""));
    }

    [Test]
    public void Underscores_inside_names_are_not_emphasis()
    {
        Assert.That(MarkdownRenderer.Render("the reporting_start_date var and _this_"), Is.EqualTo("<p>the reporting_start_date var and <em>this</em></p>\n"));
    }

    [Test]
    public void Fenced_code_is_escaped_and_keeps_its_language()
    {
        Assert.That(MarkdownRenderer.Render("```sql\nselect a < b\n```"), Is.EqualTo("<pre><code class=\"language-sql\">select a &lt; b\n</code></pre>\n"));
    }

    [Test]
    public void Deeply_nested_markdown_renders_without_failing()
    {
        Assert.That(MarkdownRenderer.Render(new string('>', 100_000) + " deep"), Does.Contain("deep"));
        Assert.That(MarkdownRenderer.Render(new string('[', 100_000) + "x" + new string(']', 100_000)), Does.Contain("x"));
        Assert.That(MarkdownRenderer.Render(new string('*', 100_000) + "x"), Does.Contain("x"));
    }

    /// <summary>The node's details (description, columns…) from its shard, nodes/&lt;k&gt;.js.</summary>
    [TestCase("Primary key.", true)]
    [TestCase("Intermediate model (catalog domain, layer 1): joins stg_catalog__tbl_0428, stg_shipping__tbl_0124.", true)]
    [TestCase("Customer's share - 100% / total? yes; no", true)]
    [TestCase("snake_case_name", true)]
    [TestCase("_leading underscore_", false)]
    [TestCase("a _word_ in emphasis", false)]
    [TestCase("trailing__ underscores", false)]
    [TestCase("1. a list", false)]
    [TestCase("Two lines\nof text", false)]
    [TestCase("A hard break  ", false)]
    [TestCase("Quote \"this\"", false)]
    [TestCase("a & b < c", false)]
    [TestCase("Émile's model", false)]
    public void A_plain_sentence_renders_as_markdig_renders_it_without_parsing(string markdown, bool plain)
    {
        Assert.That(MarkdownRenderer.IsPlainSentence(markdown), Is.EqualTo(plain));
        var markdig = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build());
        Assert.That(MarkdownRenderer.Render(markdown), Is.EqualTo(markdig));
    }

    private static JsonElement SiteNode(TempProject project, string name)
    {
        var script = project.Read("target/docs/forge-data.js");
        var data = JsonDocument.Parse(script["window.FORGE_DATA = ".Length..].TrimEnd().TrimEnd(';')).RootElement;
        var index = data.GetProperty("nodes").EnumerateArray().Select((n, i) => (n, i)).Single(p => p.n.GetProperty("name").GetString() == name).i;
        var size = data.GetProperty("shardSize").GetInt32();
        var shard = project.Read($"target/docs/nodes/{index / size}.js");
        var list = shard[(shard.IndexOf(',') + 1)..].TrimEnd().TrimEnd(';').TrimEnd(')');
        return JsonDocument.Parse(list).RootElement[index % size].Clone();
    }
}
