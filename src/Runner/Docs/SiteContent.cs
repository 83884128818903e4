namespace ModelForge.Runner.Docs;

/// <summary>The site's data before it is written: the pages, the home page and the search index.</summary>
internal sealed record SiteContent(string ProjectName, string TargetType, DateTimeOffset GeneratedAt, string? OverviewHtml, IReadOnlyList<SiteEntry> Entries, SearchIndex Search);
