namespace ModelForge.Compiler.Contracts;

/// <summary>
/// Type names that mean the same type, folded to one canonical name. The common table holds the
/// ANSI and cross-warehouse spellings; a target overlays the names it reads differently (DuckDB's
/// <c>float</c> is 4 bytes, SQL Server's is 8).
/// </summary>
public static class DataTypeAliases
{
    public static readonly IReadOnlyDictionary<string, string> Common = Build(new Dictionary<string, string[]>
    {
        ["integer"] = ["int", "int4", "int32", "signed"],
        ["bigint"] = ["int8", "long", "int64"],
        ["smallint"] = ["int2", "short", "int16"],
        ["tinyint"] = ["int1"],
        ["hugeint"] = ["int128"],
        ["varchar"] = ["text", "string", "char", "bpchar", "character", "character varying", "nvarchar", "nchar", "ntext", "varchar2"],
        ["decimal"] = ["numeric", "dec"],
        ["double"] = ["float8", "double precision", "float", "float64"],
        ["real"] = ["float4", "float32"],
        ["boolean"] = ["bool", "logical"],
        ["timestamp"] = ["datetime", "datetime2", "timestamp without time zone", "smalldatetime"],
        ["timestamptz"] = ["timestamp with time zone", "datetimeoffset"],
        ["time"] = ["time without time zone"],
        ["uuid"] = ["uniqueidentifier", "guid"],
        ["blob"] = ["bytea", "binary", "varbinary", "bytes"],
    });

    /// <summary>The common table with <paramref name="overrides"/> (alias → canonical) laid over it.</summary>
    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> overrides)
    {
        var result = new Dictionary<string, string>(Common, StringComparer.Ordinal);
        foreach (var (alias, canonical) in overrides) result[alias] = canonical;
        return result;
    }

    private static Dictionary<string, string> Build(Dictionary<string, string[]> groups)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, aliases) in groups)
        {
            foreach (var alias in aliases) result[alias] = canonical;
        }
        return result;
    }
}
