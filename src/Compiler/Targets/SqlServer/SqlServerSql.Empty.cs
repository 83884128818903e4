namespace ModelForge.Compiler.Targets.SqlServer;

public sealed partial class SqlServerSql
{
    // T-SQL has neither LIMIT nor a boolean literal; TOP (0) keeps the columns and returns no rows,
    // and a derived table must be named.
    public override string ZeroRows(string relation, string? alias) =>
        $"(select top (0) * from {relation}) {alias ?? "_dbt_limit_subq"}";
}
