using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>The selected output of a profile: where and how models are built.</summary>
public abstract record TargetProfile
{
    /// <summary>The target's name (the key under <c>outputs:</c>, e.g. <c>dev</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The adapter type as written: <c>duckdb</c> or <c>sqlserver</c>.</summary>
    public abstract string Type { get; }

    public required string Schema { get; init; }

    public string? Database { get; init; }

    /// <summary>
    /// Where <c>materialized='external'</c> models write their files when they give no location
    /// (dbt-duckdb's <c>external_root</c>), absolute; null for targets that cannot write files.
    /// </summary>
    public string? ExternalRoot { get; init; }

    /// <summary>At least 1.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Every field of the output as written (rendered), including ones the typed properties also hold.</summary>
    public IReadOnlyDictionary<string, object?> Settings { get; init; } = new Dictionary<string, object?>();

    /// <summary>Where the output is defined in profiles.yml; null for the embedded default.</summary>
    public SourceSpan? SourceSpan { get; init; }

    /// <summary>True for the embedded DuckDB default used when no profiles.yml has the project's profile.</summary>
    public bool IsDefault { get; init; }
}
