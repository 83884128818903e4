namespace ModelForge.Runner.Execution.Seeds;

/// <summary>How <c>forge seed</c> treats one seed's table.</summary>
/// <param name="FullRefresh"><c>--full-refresh</c> (or the seed's <c>full_refresh</c> config): replace the table even when its columns changed.</param>
/// <param name="QuoteColumns"><c>+quote_columns</c>: quote every column name, not only those that need it.</param>
internal sealed record SeedLoadOptions(bool FullRefresh = false, bool QuoteColumns = false);
