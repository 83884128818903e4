namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// One input of a compiled unit test: the node it stands in for and its rows. Exactly one of
/// <see cref="Rows"/> (dict and csv, typed at run time) and <see cref="Sql"/> (format sql) is set.
/// </summary>
internal sealed record UnitTestInput
{
    /// <summary><c>ref('stg_orders')</c>, <c>source('shop', 'orders')</c>, <c>this</c>: how messages name it.</summary>
    public required string Display { get; init; }

    /// <summary>The node whose columns type the rows; the model itself for <c>this</c>.</summary>
    public required string UpstreamId { get; init; }

    public bool IsThis { get; init; }

    public FixtureRows? Rows { get; init; }

    public string? Sql { get; init; }

    /// <summary>Where the rows were written (the YAML <c>rows:</c> or the fixture file), for column errors.</summary>
    public required Diagnostics.SourceSpan Span { get; init; }

    /// <summary>Where each column of the rows is named (a dict key, a csv file's header), when known.</summary>
    public IReadOnlyDictionary<string, Diagnostics.SourceSpan> ColumnSpans { get; init; } = new Dictionary<string, Diagnostics.SourceSpan>();

    /// <summary>The CTE the model's <c>ref()</c>/<c>source()</c>/<c>this</c> renders as.</summary>
    public string CteName => IsThis ? "__dbt__cte__this" : CteNameFor(UpstreamId);

    /// <summary><c>__dbt__cte__stg_orders</c>; a source's is <c>__dbt__cte__&lt;source&gt;_&lt;table&gt;</c>.</summary>
    internal static string CteNameFor(string uniqueId) => "__dbt__cte__" + uniqueId.Split('.', 3)[2].Replace('.', '_');
}
