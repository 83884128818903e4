using ModelForge.Compiler.Diagnostics;

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

    /// <summary>The <c>extensions:</c> entries with their repositories and positions (<see cref="Extensions"/> holds the names).</summary>
    internal IReadOnlyList<DuckDbExtension> ExtensionEntries { get; init; } = [];

    internal IReadOnlyList<DuckDbSecret> Secrets { get; init; } = [];

    internal IReadOnlyList<DuckDbAttachment> Attachments { get; init; } = [];

    /// <summary>Where each <c>settings:</c> key is written, for errors that name the line.</summary>
    internal IReadOnlyDictionary<string, SourceSpan> SettingSpans { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>dbt-duckdb's <c>config_options</c>: DuckDB configuration given when the database is opened (e.g. allow_unsigned_extensions).</summary>
    internal IReadOnlyDictionary<string, string> ConfigOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>dbt-duckdb's <c>keep_open</c>; forge keeps every thread's connection for the whole run either way.</summary>
    internal bool KeepOpen { get; init; } = true;

    /// <summary>
    /// Identifies this target's one in-memory database within the process. A reference, not a
    /// value, so copies of the profile made with <c>with</c> share the database and two loads of a
    /// project do not.
    /// </summary>
    internal object MemoryIdentity { get; init; } = new();
}
