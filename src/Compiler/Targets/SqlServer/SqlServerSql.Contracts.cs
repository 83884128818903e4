using ModelForge.Compiler.Contracts;

namespace ModelForge.Compiler.Targets.SqlServer;

// Model contracts and source freshness on SQL Server.
public sealed partial class SqlServerSql
{
    private static readonly IReadOnlyDictionary<string, string> SqlServerAliases = DataTypeAliases.With(new Dictionary<string, string>
    {
        ["bit"] = "boolean",
        ["rowversion"] = "blob",
    });

    protected override IReadOnlyDictionary<string, string> TypeAliases => SqlServerAliases;

    /// <summary>
    /// <c>sp_describe_first_result_set</c> plans the query without running it; its rows carry the
    /// column name at ordinal 2 and <c>system_type_name</c> (<c>decimal(10,2)</c>, <c>nvarchar(50)</c>) at 5.
    /// </summary>
    public override string DescribeQuery(string sql) => $"EXEC sp_describe_first_result_set @tsql = {Literal(sql)}";

    public override (int Name, int Type) DescribeColumnOrdinals => (2, 5);

    /// <summary>
    /// Constraint names are schema-scoped objects in SQL Server: the helper table and the live table
    /// would both hold the name during the swap, so names are left to SQL Server and only appear in
    /// forge's messages.
    /// </summary>
    public override string ConstraintClause(ContractConstraint constraint, bool columnLevel) =>
        base.ConstraintClause(constraint with { Name = null }, columnLevel);

    /// <summary>
    /// T-SQL cannot wrap a query with its own WITH clause in a subquery, so (as for
    /// <see cref="CreateTableAs"/>) the model's SELECT becomes a helper view the insert reads from.
    /// </summary>
    public override string InsertFromQuery(string? database, string schema, string identifier, IReadOnlyList<string> columns, string sql)
    {
        var view = HelperName(identifier, "vw");
        var list = string.Join(", ", columns.Select(Quote));
        return CreateView(database, schema, view, sql) + ";\n" +
               $"INSERT INTO {QualifiedName(database, schema, identifier)} ({list})\nSELECT {list} FROM {QualifiedName(database, schema, view)};\n" +
               Drop(database, schema, view, RelationKind.View);
    }

    // datetime2 without zone, in UTC: the same assumption forge makes for loaded_at_field values.
    public override string CurrentTimestampUtc => "SYSUTCDATETIME()";
}
