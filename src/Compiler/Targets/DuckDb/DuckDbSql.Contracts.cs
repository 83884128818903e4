using ModelForge.Compiler.Contracts;

namespace ModelForge.Compiler.Targets.DuckDb;

public sealed partial class DuckDbSql
{
    // DuckDB's FLOAT and FLOAT4 are the 4-byte REAL (DESCRIBE prints it as FLOAT); DOUBLE is 8 bytes.
    private static readonly IReadOnlyDictionary<string, string> DuckDbAliases = DataTypeAliases.With(new Dictionary<string, string>
    {
        ["float"] = "real",
        ["float4"] = "real",
        ["timestamp_us"] = "timestamp",
        ["string"] = "varchar",
    });

    protected override IReadOnlyDictionary<string, string> TypeAliases => DuckDbAliases;

    // DESCRIBE plans the query without running it: (column_name, column_type, null, key, default, extra).
    public override string DescribeQuery(string sql) => $"describe select * from (\n{sql}\n) as forge_contract_query";

    // get_current_timestamp() is a TIMESTAMP WITH TIME ZONE: an instant, whatever the session's TimeZone.
    public override string CurrentTimestampUtc => "get_current_timestamp()";
}
