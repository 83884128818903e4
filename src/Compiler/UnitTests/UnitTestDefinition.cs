using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.UnitTests;

/// <summary>One entry of a schema file's <c>unit_tests:</c> (dbt 1.8), as written.</summary>
internal sealed record UnitTestDefinition
{
    public required string Name { get; init; }

    /// <summary>The model under test; null when the entry names none (reported by the compiler).</summary>
    public string? Model { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<UnitTestFixture> Given { get; init; } = [];

    /// <summary>Null when the entry has no <c>expect:</c> (reported by the compiler).</summary>
    public UnitTestFixture? Expect { get; init; }

    public UnitTestOverrides Overrides { get; init; } = new();

    /// <summary><c>config:</c> (tags, meta, enabled).</summary>
    public IReadOnlyDictionary<string, object?> Config { get; init; } = new Dictionary<string, object?>();

    /// <summary><c>versions: include:</c>; null runs the test on every version of the model.</summary>
    public IReadOnlyList<object?>? IncludeVersions { get; init; }

    public IReadOnlyList<object?>? ExcludeVersions { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>The <c>model:</c> value, for "unknown model" errors.</summary>
    public SourceSpan? ModelSpan { get; init; }
}
