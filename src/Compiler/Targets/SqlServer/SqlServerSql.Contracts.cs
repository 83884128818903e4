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

    // Portable spellings that T-SQL lacks or reads differently; a length-less varchar would be varchar(1) in DDL.
    private static readonly Dictionary<string, string> DdlTypes = new(StringComparer.Ordinal)
    {
        ["text"] = "nvarchar(max)", ["string"] = "nvarchar(max)", ["ntext"] = "nvarchar(max)",
        ["varchar"] = "nvarchar(max)", ["nvarchar"] = "nvarchar(max)", ["character varying"] = "nvarchar(max)",
        ["bool"] = "bit", ["boolean"] = "bit",
        ["timestamp"] = "datetime2", ["timestamp without time zone"] = "datetime2",
        ["timestamptz"] = "datetimeoffset", ["timestamp with time zone"] = "datetimeoffset",
        ["double"] = "float", ["double precision"] = "float", ["float8"] = "float", ["float4"] = "real",
        ["integer"] = "int", ["int4"] = "int", ["int32"] = "int", ["int8"] = "bigint", ["long"] = "bigint", ["int64"] = "bigint",
        ["int2"] = "smallint", ["uuid"] = "uniqueidentifier", ["blob"] = "varbinary(max)", ["bytea"] = "varbinary(max)",
    };

    /// <summary>Portable type names become their T-SQL equivalent; anything else (and any type with parameters but varchar's) is kept as written.</summary>
    public override string ColumnType(string declared)
    {
        var text = declared.Trim();
        var open = text.IndexOf('(');
        var name = string.Join(' ', (open < 0 ? text : text[..open]).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (open < 0) return DdlTypes.TryGetValue(name, out var mapped) ? mapped : text;
        // varchar(20) stays; timestamp(3) becomes datetime2(3).
        return name switch
        {
            "timestamp" => "datetime2" + text[open..],
            "timestamptz" => "datetimeoffset" + text[open..],
            _ => text,
        };
    }

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
        // A row that breaks a constraint fails the insert: the helper view is dropped then too.
        return ThroughHelperView(database, schema, view, sql,
            $"    INSERT INTO {QualifiedName(database, schema, identifier)} ({list})\n    SELECT {list} FROM {QualifiedName(database, schema, view)};\n");
    }

    // datetime2 without zone, in UTC: the same assumption forge makes for loaded_at_field values.
    public override string CurrentTimestampUtc => "SYSUTCDATETIME()";
}
