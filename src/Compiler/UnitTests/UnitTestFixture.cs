using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// One <c>given:</c> input or the <c>expect:</c> block of a unit test, as written: the rows inline
/// (<see cref="Rows"/> for dict, <see cref="Text"/> for csv and sql) or the name of a fixture file.
/// </summary>
internal sealed record UnitTestFixture
{
    /// <summary><c>ref('x')</c>, <c>source('s', 't')</c> or <c>this</c>; null for <c>expect:</c>.</summary>
    public string? Input { get; init; }

    public FixtureFormat Format { get; init; } = FixtureFormat.Dict;

    /// <summary>Dict rows: each a mapping of column to YAML value (null, bool, long, double, string).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Rows { get; init; }

    /// <summary>Inline csv or sql text.</summary>
    public string? Text { get; init; }

    /// <summary>The <c>fixture:</c> file name, looked up under <c>&lt;test-path&gt;/fixtures/</c>.</summary>
    public string? Fixture { get; init; }

    /// <summary>Dict rows: where each column's key is first written, for "unknown column" errors.</summary>
    public IReadOnlyDictionary<string, SourceSpan> ColumnSpans { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>The whole entry.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>The <c>rows:</c> value, or the <c>fixture:</c> value; errors about the rows point here.</summary>
    public SourceSpan? RowsSpan { get; init; }
}
