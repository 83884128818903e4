using System.Globalization;

namespace ModelForge.Compiler.Seeds;

/// <summary>
/// How a target spells each inferred seed type, declared as data so one inference serves every
/// target. Text is <see cref="ShortText"/> up to <see cref="ShortTextLimit"/> characters and
/// <see cref="LongText"/> beyond.
/// </summary>
internal sealed record SeedTypeMap(
    string Boolean,
    string Integer,
    string Double,
    string Date,
    string Timestamp,
    string ShortText,
    string LongText,
    int ShortTextLimit)
{
    public static readonly SeedTypeMap DuckDb = new("BOOLEAN", "BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "VARCHAR", "VARCHAR", int.MaxValue);

    // NVARCHAR(4000) is the longest sized NVARCHAR; longer values need MAX, which cannot be indexed.
    public static readonly SeedTypeMap SqlServer = new("BIT", "BIGINT", "FLOAT", "DATE", "DATETIME2", "NVARCHAR(4000)", "NVARCHAR(MAX)", 4000);

    /// <summary>The map of a target type's warehouse adapter; null when no adapter is registered or it loads no seeds.</summary>
    public static SeedTypeMap? ForTarget(string targetType) => Targets.WarehouseAdapters.Find(targetType)?.Capabilities.SeedTypes;

    public string SqlType(in ColumnProfile profile) => profile.Type switch
    {
        SeedType.Boolean => Boolean,
        SeedType.Integer => Integer,
        SeedType.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({profile.Precision},{profile.Scale})"),
        SeedType.Double => Double,
        SeedType.Date => Date,
        SeedType.Timestamp => Timestamp,
        _ => profile.MaxLength <= ShortTextLimit ? ShortText : LongText,
    };
}
