namespace ModelForge.Runner.Docs;

/// <summary>A column as the site shows it: declared (YAML) and found (catalog) merged.</summary>
internal sealed class SiteColumn(string name) : IDescribed
{
    public string Name { get; } = name;

    public string? Type { get; set; }

    public int Index { get; set; } = int.MaxValue;

    public string DescriptionHtml { get; set; } = "";

    // Made for the few columns that have tests (a list per column was most of 84,000 columns' allocation at 10,000 models).
    private List<string>? _tests;

    public IReadOnlyList<string> Tests => (IReadOnlyList<string>?)_tests ?? [];

    public void AddTest(string test) => (_tests ??= []).Add(test);

    public ColumnLineage? Lineage { get; set; }
}
