namespace ModelForge.Compiler.Project.SemanticLayer;

/// <summary>The values dbt's semantic-layer schema allows for its enumerated fields (dbt-semantic-interfaces).</summary>
internal static class SemanticValues
{
    public static readonly string[] EntityTypes = ["foreign", "natural", "primary", "unique"];

    public static readonly string[] Aggregations =
        ["sum", "min", "max", "count_distinct", "sum_boolean", "average", "percentile", "median", "count"];

    public static readonly string[] DimensionTypes = ["categorical", "time"];

    public static readonly string[] Granularities =
        ["nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year"];

    public static readonly string[] MetricTypes = ["simple", "ratio", "cumulative", "derived", "conversion"];

    public static readonly string[] ExportKinds = ["table", "view"];

    public static readonly string[] PeriodAggregations = ["first", "last", "average"];

    public static readonly string[] ConversionCalculations = ["conversions", "conversion_rate"];
}
