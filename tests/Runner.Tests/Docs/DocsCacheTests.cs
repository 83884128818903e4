using System.Text.RegularExpressions;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// `forge docs generate` compiles through `forge compile`'s cache: an unchanged node's SQL comes
/// from target/compiled/ unrendered (FORGE_CACHE_TRACE=1 says which were rendered), and what it
/// writes is what a run from nothing writes.
/// </summary>
public sealed partial class DocsCacheTests
{
    [Test]
    public void A_second_docs_generate_renders_nothing_and_writes_what_the_first_wrote()
    {
        using var demo = DemoSite.Copy().WithEnvironment("FORGE_CACHE_TRACE", "1");
        var cold = Generate(demo);
        Assert.That(cold.Error, Does.Match("compile cache: reused 0 of [1-9]"), cold.ToString());
        var first = Outputs(demo);

        var warm = Generate(demo);

        Assert.That(warm.Error, Does.Match(@"compile cache: reused [1-9]\d* of \d+"), warm.ToString());
        Assert.That(Rendered(warm), Is.Empty.Or.All.Not.StartWith("model.bikeshare.stg_"), "only models that read the clock or the database render again");
        Assert.That(Outputs(demo), Is.EqualTo(first));
    }

    [Test]
    public void After_an_edit_docs_generate_renders_that_model_again_and_writes_what_a_run_from_nothing_writes()
    {
        using var demo = DemoSite.Copy().WithEnvironment("FORGE_CACHE_TRACE", "1");
        Generate(demo);
        var model = "models/marts/dim_bikes.sql";
        demo.With(model, demo.Read(model) + "\n-- edited\n");

        var edited = Generate(demo);
        Assert.That(Rendered(edited), Does.Contain("model.bikeshare.dim_bikes"));
        Assert.That(Rendered(edited), Does.Not.Contain("model.bikeshare.dim_stations"));
        var incremental = Outputs(demo);

        Directory.Delete(Path.Combine(demo.Root, "target"), recursive: true);
        Generate(demo);
        Assert.That(Outputs(demo), Is.EqualTo(incremental));
    }

    [Test]
    public void Compile_after_docs_generate_reuses_what_docs_generate_rendered()
    {
        using var project = new TempProject("shop").WithProjectFile().WithEnvironment("FORGE_CACHE_TRACE", "1")
            .With("models/orders.sql", "select 1 as order_id")
            .With("models/regions.sql", "select order_id from {{ ref('orders') }}");
        Generate(project);

        var result = project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error, Does.Contain("compile cache: reused 2 of 2, rendered 0"));
    }

    [Test]
    public void A_second_docs_generate_rewrites_no_asset_or_shard_whose_content_is_unchanged()
    {
        using var project = new TempProject("shop").WithProjectFile()
            .With("models/orders.sql", "select 1 as order_id")
            .With("models/schema.yml", "models:\n  - name: orders\n    description: 'All orders.'\n");
        Generate(project);
        var site = Path.Combine(project.Root, "target/docs");
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var files = Directory.GetFiles(site, "*", SearchOption.AllDirectories);
        foreach (var file in files) File.SetLastWriteTimeUtc(file, longAgo);

        Generate(project);
        // Assets and shards are compared with what is in place; the three large files are written whole.
        Assert.That(files.Where(f => File.GetLastWriteTimeUtc(f) != longAgo).Select(Path.GetFileName),
            Is.SubsetOf(new[] { "forge-data.js", "forge-search.js", "forge-lineage.js" }));

        project.With("models/schema.yml", "models:\n  - name: orders\n    description: 'Every order.'\n");
        Generate(project);
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(site, "nodes/0.js")), Is.Not.EqualTo(longAgo));
        Assert.That(project.Read("target/docs/nodes/0.js"), Does.Contain("Every order."));
    }

    private static ForgeResult Generate(TempProject project)
    {
        var result = project.Forge("docs", "generate", "--empty-catalog");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private static List<string> Rendered(ForgeResult result) =>
        result.Traced("compile cache: rendered ");

    // The site, the manifest and the compiled SQL, with each run's own id and time blanked.
    private static SortedDictionary<string, string> Outputs(TempProject project)
    {
        var target = Path.Combine(project.Root, "target");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var paths = Directory.EnumerateFiles(Path.Combine(target, "docs"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(target, "compiled"), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(target, "manifest.json"))
            .Append(Path.Combine(target, "column_lineage.json"));
        foreach (var path in paths)
        {
            var text = Guid().Replace(File.ReadAllText(path), "<id>");
            files[Path.GetRelativePath(target, path)] = Timestamp().Replace(text, "<time>");
        }
        return files;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")]
    private static partial Regex Timestamp();
}
