namespace ModelForge.Runner.Docs;

/// <summary>A column as the site shows it: declared (YAML) and found (catalog) merged.</summary>
internal sealed class SiteColumn(string name) : IDescribed
{
    public string Name { get; } = name;

    public string? Type { get; set; }

    public int Index { get; set; } = int.MaxValue;

    public string DescriptionHtml { get; set; } = "";

    public List<string> Tests { get; } = [];

    public ColumnLineage? Lineage { get; set; }
}
