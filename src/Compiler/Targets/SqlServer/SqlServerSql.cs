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
    /// becomes a helper view, <c>SELECT INTO</c> reads from it, and the view is dropped again.
    /// </summary>
    public override string CreateTableAs(string? database, string schema, string identifier, string sql)
    {
        var view = HelperName(identifier, "vw");
        return CreateView(database, schema, view, sql) + ";\n" +
               $"SELECT * INTO {QualifiedName(database, schema, identifier)} FROM {QualifiedName(database, schema, view)};\n" +
               Drop(database, schema, view, RelationKind.View);
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

    /// <summary>T-SQL has no LIMIT; TOP over a derived table keeps the query's own shape.</summary>
    public override string LimitRows(string query, long limit) =>
        $"select top ({limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}) *\nfrom (\n{query}\n) forge_limited";

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
