using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Docs;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

public sealed class DocReferenceResolverTests
{
    [Test]
    public void Doc_calls_are_replaced_by_the_block_text()
    {
        var blocks = new DocsBlocks();
        blocks.Add("rider_type", "Who took the ride.");
        var resolver = new DocReferenceResolver(blocks, new DiagnosticBag());

        Assert.That(resolver.Resolve("{{ doc(\"rider_type\") }}"), Is.EqualTo("Who took the ride."));
        Assert.That(resolver.Resolve("Type: {{doc('bikeshare', 'rider_type')}} (see app)"), Is.EqualTo("Type: Who took the ride. (see app)"));
        Assert.That(resolver.Resolve("{{ var('x') }} stays"), Is.EqualTo("{{ var('x') }} stays"));
    }

    [Test]
    public void Unknown_doc_is_kept_and_warned_once()
    {
        var diagnostics = new DiagnosticBag();
        var resolver = new DocReferenceResolver(new DocsBlocks(), diagnostics);

        var text = resolver.Resolve("{{ doc('missing') }} and {{ doc('missing') }}");

        Assert.That(text, Is.EqualTo("{{ doc('missing') }} and {{ doc('missing') }}"));
        Assert.That(diagnostics.ToList().Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.Docs.UnknownDocCode }));
    }

    [Test]
    public void Two_packages_may_each_define_a_doc_of_one_name_and_doc_with_a_package_picks_its_own()
    {
        var root = DocsFile("models/docs.md", "{% docs status %}Root status.{% enddocs %}");
        var package = DocsFile("dbt_packages/shop_utils/models/docs.md", "{% docs status %}Package status.{% enddocs %}");
        var diagnostics = new DiagnosticBag();

        var blocks = DocsBlocks.Collect([("shop", [root]), ("shop_utils", [package])], new ModelForge.Compiler.Templating.TemplateEngine(), diagnostics);
        var resolver = new DocReferenceResolver(blocks, diagnostics);

        Assert.That(diagnostics.ToList(), Is.Empty);
        Assert.That(resolver.Resolve("{{ doc('status') }}"), Is.EqualTo("Root status."));
        Assert.That(resolver.Resolve("{{ doc('shop_utils', 'status') }}"), Is.EqualTo("Package status."));
        Assert.That(resolver.Resolve("{{ doc('shop', 'status') }}"), Is.EqualTo("Root status."));
    }

    private static ModelForge.Compiler.Project.ProjectFileEntry DocsFile(string path, string text) =>
        new("docs", path, new SourceText(path, text), ModelForge.Compiler.Project.ResourceType.Docs, path, []);
}
