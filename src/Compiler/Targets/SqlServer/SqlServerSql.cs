namespace ModelForge.Compiler.Targets.SqlServer;

/// <summary>
/// SQL Server / Azure SQL: <c>[ ]</c> quoting, three-part names, DDL that must be alone in its batch
/// (<c>CREATE VIEW</c>, <c>CREATE SCHEMA</c>) run through dynamic SQL with quotes doubled (never
/// <c>GO</c>), tables built with <c>SELECT INTO</c> and swapped in with <c>sp_rename</c>.
/// </summary>
public sealed partial class SqlServerSql : TargetSql
{
    public static readonly SqlServerSql Instance = new();

    public override string Type => "sqlserver";

    // sysname is nvarchar(128). DDL rolls back inside a transaction, so the swap is atomic.
    public override TargetCapabilities Capabilities { get; } = new(128, TransactionalDdl: true, IncludeDatabaseInNames: true, '[', ']');

    /// <summary>An N'' literal: SQL Server names and values are Unicode.</summary>
    public override string Literal(string value) => "N" + base.Literal(value);

    public override string BeginTransaction => "BEGIN TRANSACTION";

    public override string Commit => "COMMIT TRANSACTION";

    public override string Rollback => "ROLLBACK TRANSACTION";

    public override string TransactionPrologue => "SET XACT_ABORT ON";

    /// <summary>
    /// XACT_ABORT lasts for the session: set once when a worker's connection opens (as
    /// dbt-sqlserver does), hooks and run_query behave the same whether or not a transaction ran
    /// before them on that connection.
    /// </summary>
    public override string SessionPrologue => "SET XACT_ABORT ON";

    /// <summary>
    /// Schema creation races when several threads build into one new schema, so it is serialized
    /// with an application lock held for the transaction; a lock timeout raises instead of
    /// silently going on.
    /// </summary>
    public override string CreateSchemaIfNotExists(string? database, string schema)
    {
        var create = $"CREATE SCHEMA {Quote(schema)}";
        var batch =
            "SET XACT_ABORT ON;\n" +
            "BEGIN TRANSACTION;\n" +
            "DECLARE @forge_lock int;\n" +
            $"EXEC @forge_lock = sp_getapplock @Resource = {Literal("forge:schema:" + schema)}, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000;\n" +
            $"IF @forge_lock < 0 THROW 50000, {Literal($"could not lock the creation of schema {schema}")}, 1;\n" +
            $"IF SCHEMA_ID({Literal(schema)}) IS NULL EXEC({Literal(create)});\n" +
            "COMMIT TRANSACTION;";
        return InDatabase(database, batch);
    }

    public override string ListRelations(string? database, string schema) =>
        "SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END " +
        $"FROM {Catalog(database)}INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = {Literal(schema)}";

    /// <summary>
    /// <c>CREATE OR ALTER VIEW</c> must be alone in its batch and cannot name a database, so it runs
    /// as dynamic SQL in the relation's database.
    /// </summary>
    public override string CreateView(string? database, string schema, string identifier, string sql) =>
        InDatabase(database, $"CREATE OR ALTER VIEW {Quote(schema)}.{Quote(identifier)} AS\n{sql}");

    /// <summary>
    /// T-SQL cannot wrap a query that has its own WITH clause in a subquery, so the model's SELECT
    /// becomes a helper view the table is filled from, and the view is dropped again (also when
    /// the fill fails, so no helper view is left in the user's schema).
    /// <para>
    /// A plain <c>SELECT * INTO</c> would copy each column's IDENTITY property and NOT NULL: the
    /// next incremental insert of the key fails (544, 8102), and an insert that leaves out a column
    /// the model dropped fails (515). The empty table is therefore made from the view on the inner
    /// side of an outer join (a join keeps IDENTITY from being inherited; outer-joined columns are
    /// nullable), then filled with <c>INSERT … WITH (TABLOCK)</c>, minimally logged into the new heap.
    /// </para>
    /// </summary>
    public override string CreateTableAs(string? database, string schema, string identifier, string sql)
    {
        var view = HelperName(identifier, "vw");
        var table = QualifiedName(database, schema, identifier);
        var source = QualifiedName(database, schema, view);
        return ThroughHelperView(database, schema, view, sql,
            $"    SELECT forge_source.* INTO {table} FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN {source} AS forge_source ON 1 = 1 WHERE 1 = 0;\n" +
            $"    INSERT INTO {table} WITH (TABLOCK) SELECT * FROM {source};\n");
    }

    /// <summary>
    /// Runs <paramref name="body"/> over the query held in helper view <paramref name="view"/>, and
    /// drops the view afterwards whether the body succeeds or fails (unless the transaction is doomed,
    /// when the rollback removes it).
    /// </summary>
    private string ThroughHelperView(string? database, string schema, string view, string sql, string body)
    {
        var dropView = Drop(database, schema, view, RelationKind.View);
        return CreateView(database, schema, view, sql) + ";\n" +
               "BEGIN TRY\n" +
               body +
               "END TRY\n" +
               "BEGIN CATCH\n" +
               $"    IF XACT_STATE() <> -1 {dropView};\n" +
               "    THROW;\n" +
               "END CATCH;\n" +
               dropView;
    }

    public override string Drop(string? database, string schema, string identifier, RelationKind kind) =>
        kind == RelationKind.Table
            ? $"DROP TABLE IF EXISTS {QualifiedName(database, schema, identifier)}"
            // DROP VIEW takes no database part.
            : InDatabase(database, $"DROP VIEW IF EXISTS {Quote(schema)}.{Quote(identifier)}");

    public override string Rename(string? database, string schema, string identifier, string newIdentifier, RelationKind kind) =>
        $"EXEC {Procedure(database, "sp_rename")} @objname = {Literal($"{Quote(schema)}.{Quote(identifier)}")}, " +
        $"@newname = {Literal(newIdentifier)}, @objtype = N'OBJECT'";

    public override (string With, string Query) SplitLeadingWith(string query) => Analysis.TSql.LeadingWithSplitter.Split(query);

    /// <summary>
    /// T-SQL has no LIMIT; TOP over a derived table keeps the query's own shape. A derived table
    /// can hold neither a WITH clause nor an ORDER BY without TOP, so a leading WITH moves above the
    /// wrapper, and a query that ends in ORDER BY is paged with OFFSET/FETCH instead (its order kept).
    /// </summary>
    public override string LimitRows(string query, long limit)
    {
        var n = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Analysis.TSql.TSqlParsing.Parse(query) is { Errors.Count: 0, Fragment: Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript { Batches: [{ Statements: [Microsoft.SqlServer.TransactSql.ScriptDom.SelectStatement select] }] } }
            && select.QueryExpression is { } body && select.Into is null && select.OptimizerHints.Count == 0)
        {
            var topped = body is Microsoft.SqlServer.TransactSql.ScriptDom.QuerySpecification { TopRowFilter: not null };
            if (body.OrderByClause is not null && body.OffsetClause is null && body.ForClause is null && !topped)
                return query.TrimEnd().TrimEnd(';') + $"\noffset 0 rows fetch next {n} rows only";
            if (select.WithCtesAndXmlNamespaces is not null)
            {
                var (with, rest) = SplitLeadingWith(query);
                return with + "\n" + Top(rest, n);
            }
        }
        return Top(query, n);
    }

    /// <summary>A query that ends in ORDER BY (no TOP, OFFSET or FOR) gets <c>offset 0 rows</c>, which makes its ORDER BY legal inside a derived table.</summary>
    public override string Nestable(string query) =>
        EndsInBareOrderBy(query) ? query.TrimEnd().TrimEnd(';') + "\noffset 0 rows" : query;

    private static bool EndsInBareOrderBy(string query) =>
        Analysis.TSql.TSqlParsing.Parse(query) is { Errors.Count: 0, Fragment: Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript { Batches: [{ Statements: [Microsoft.SqlServer.TransactSql.ScriptDom.SelectStatement select] }] } }
        && select.QueryExpression is { OrderByClause: not null, OffsetClause: null, ForClause: null } body
        && body is not Microsoft.SqlServer.TransactSql.ScriptDom.QuerySpecification { TopRowFilter: not null }
        && select.Into is null && select.OptimizerHints.Count == 0;

    private static string Top(string query, string n) => $"select top ({n}) *\nfrom (\n{query}\n) forge_limited";

    /// <summary>
    /// Runs a batch in <paramref name="database"/>'s context (<c>[db].sys.sp_executesql</c>), or in
    /// the connection's own database through <c>EXEC(N'...')</c>; quotes inside are doubled.
    /// </summary>
    public string InDatabase(string? database, string batch) =>
        string.IsNullOrEmpty(database)
            ? $"EXEC({Literal(batch)})"
            : $"EXEC {Procedure(database, "sp_executesql")} {Literal(batch)}";

    private string Procedure(string? database, string name) =>
        string.IsNullOrEmpty(database) ? name : $"{Quote(database)}.[sys].{Quote(name)}";

    private string Catalog(string? database) => string.IsNullOrEmpty(database) ? "" : Quote(database) + ".";
}
