namespace ModelForge.Runner.Docs;

/// <summary>
/// Writes the static site: the page and its script and styles (embedded in forge, so the site
/// needs no network and no CDN) and <c>forge-data.js</c>.
/// </summary>
internal static class SiteWriter
{
    private const string ResourcePrefix = "docs-site/";

    public static IReadOnlyList<string> AssetNames { get; } = ["index.html", "app.css", "app.js", "graph.js", "selector.js", "lineage.js", "pages.js", "search.js", "sql.js"];

    public static void Write(string directory, SiteContent content)
    {
        Directory.CreateDirectory(directory);
        var assembly = typeof(SiteWriter).Assembly;
        foreach (var name in AssetNames)
        {
            using var resource = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"the docs asset {name} is not embedded in forge");
            using var file = Execution.AtomicFile.Create(Path.Combine(directory, name));
            resource.CopyTo(file.Stream);
            file.Complete();
        }
        var dataPath = Path.Combine(directory, "forge-data.js");
        using var data = Execution.AtomicFile.Create(dataPath);
        SiteDataWriter.Write(data.Stream, content);
        data.Complete();
    }
}
