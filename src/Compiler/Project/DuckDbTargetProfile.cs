namespace ModelForge.Compiler.Project;

/// <summary>A DuckDB target (fields as in dbt-duckdb).</summary>
public sealed record DuckDbTargetProfile : TargetProfile
{
    public override string Type => "duckdb";

    /// <summary>Absolute path of the database file, or <c>:memory:</c>.</summary>
    public required string Path { get; init; }

    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>DuckDB settings applied on connect (<c>SET key = value</c>), e.g. memory_limit, threads.</summary>
    public IReadOnlyDictionary<string, object?> DuckDbSettings { get; init; } = new Dictionary<string, object?>();

    /// <summary>The folder relative file paths in SQL are read from (external sources): the project folder.</summary>
    public string? FilesRoot { get; init; }

    public bool IsInMemory => Path == ":memory:";
}
