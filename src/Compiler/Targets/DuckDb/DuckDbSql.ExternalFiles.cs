namespace ModelForge.Compiler.Targets.DuckDb;

// dbt-duckdb's external materialization: COPY to a file, then a view that reads it back.
public sealed partial class DuckDbSql
{
    internal override string CopyToFile(string query, string path, IReadOnlyList<string> options) =>
        $"copy (\n{query}\n) to {Literal(path)} ({string.Join(", ", options)})";

    internal override string SelectFromFile(string location, string format, bool partitioned, string? delimiter)
    {
        var path = Literal(location);
        return format switch
        {
            "csv" => $"select * from read_csv({path}, auto_detect = true{(delimiter is null ? "" : $", delim = {Literal(delimiter)}")}" +
                     $"{(partitioned ? ", hive_partitioning = true" : "")})",
            "json" => $"select * from read_json({path}, auto_detect = true{(partitioned ? ", hive_partitioning = true" : "")})",
            _ => $"select * from read_parquet({path}{(partitioned ? ", hive_partitioning = true" : "")})",
        };
    }
}
