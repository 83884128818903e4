namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>DuckDB: transactional DDL, double-quoted identifiers, `create or replace view`.</summary>
public sealed partial class DuckDbSql : TargetSql
{
    public static readonly DuckDbSql Instance = new();

    public override string Type => "duckdb";

    // DuckDB has no practical identifier limit; 255 keeps names readable in every client.
    public override TargetCapabilities Capabilities { get; } = new(255, TransactionalDdl: true, IncludeDatabaseInNames: true, '"', '"') { DerivedTableNeedsAlias = false, BuildInSwapTransaction = true };

    public override string CreateSchemaIfNotExists(string? database, string schema) =>
        $"create schema if not exists {(string.IsNullOrEmpty(database) ? "" : Quote(database) + ".")}{Quote(schema)}";

    // information_schema spans every attached catalog: ask the relation's own database only.
    public override string ListRelations(string? database, string schema) =>
        "select table_name, case when table_type = 'VIEW' then 'view' else 'table' end " +
        $"from information_schema.tables where table_schema = {Literal(schema)}" +
        (string.IsNullOrEmpty(database) ? "" : $" and table_catalog = {Literal(database)}");

    // DuckDB has one information_schema, in the system catalog, spanning every attached database.
    public override (string From, string AndFilter) CatalogColumns(string? database) =>
        ("INFORMATION_SCHEMA.COLUMNS", string.IsNullOrEmpty(database) ? "" : $" and TABLE_CATALOG = {Literal(database)}");

    public override string CreateView(string? database, string schema, string identifier, string sql) =>
        $"create or replace view {QualifiedName(database, schema, identifier)} as (\n{sql}\n)";

    public override string CreateTableAs(string? database, string schema, string identifier, string sql) =>
        $"create table {QualifiedName(database, schema, identifier)} as (\n{sql}\n)";

    public override string Drop(string? database, string schema, string identifier, RelationKind kind) =>
        $"drop {(kind == RelationKind.View ? "view" : "table")} if exists {QualifiedName(database, schema, identifier)}";

    public override string Rename(string? database, string schema, string identifier, string newIdentifier, RelationKind kind) =>
        $"alter {(kind == RelationKind.View ? "view" : "table")} {QualifiedName(database, schema, identifier)} rename to {Quote(newIdentifier)}";
}
