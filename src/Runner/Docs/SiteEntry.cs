namespace ModelForge.Runner.Docs;

/// <summary>One page of the site: a model, seed, snapshot, source, test, analysis or macro.</summary>
internal sealed class SiteEntry : IDescribed
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>model, seed, snapshot, source, test, analysis or macro.</summary>
    public required string Type { get; init; }

    public required string Package { get; init; }

    public required string Path { get; init; }

    /// <summary>The sidebar folder: the file's folder, or <c>sources/&lt;source&gt;</c>.</summary>
    public required string Folder { get; init; }

    public string DescriptionHtml { get; set; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Materialized { get; init; }

    public string? Relation { get; init; }

    public IReadOnlyDictionary<string, object?>? Config { get; init; }

    public List<SiteColumn> Columns { get; } = [];

    // Made for the few nodes that have tests of their own.
    private List<string>? _tests;

    /// <summary>Tests declared on the node itself rather than on a column.</summary>
    public IReadOnlyList<string> Tests => (IReadOnlyList<string>?)_tests ?? [];

    public void AddTest(string test) => (_tests ??= []).Add(test);

    public string? RawCode { get; init; }

    public string? CompiledCode { get; set; }

    /// <summary>Indexes of the entries this one reads.</summary>
    public List<int> DependsOn { get; } = [];

    public bool InGraph { get; init; }

    public int Layer { get; set; }

    public int Order { get; set; }

    public NodeRunResult? Run { get; set; }

    public string? TableType { get; set; }
}
