namespace ModelForge.Compiler.Context;

/// <summary>
/// How a target writes relation names: the quote characters, whether the database part is
/// rendered, and which parts are quoted (dbt's <c>quoting:</c> config, per part).
/// </summary>
/// <param name="OpenQuote">Opening quote, e.g. <c>"</c> or <c>[</c>.</param>
/// <param name="CloseQuote">Closing quote; doubled when it occurs inside a name.</param>
/// <param name="IncludeDatabase">Whether <c>database.</c> is rendered before the schema.</param>
public sealed record RelationQuoting(
    string OpenQuote,
    string CloseQuote,
    bool IncludeDatabase = false,
    bool QuoteDatabase = true,
    bool QuoteSchema = true,
    bool QuoteIdentifier = true)
{
    /// <summary>
    /// DuckDB: <c>"database"."schema"."name"</c>, as dbt-duckdb renders relations. A two-part name
    /// resolves in the default catalog, and an attached catalog may hold a schema of the same name.
    /// </summary>
    public static readonly RelationQuoting DuckDb = new("\"", "\"", IncludeDatabase: true) { RelationClass = "DuckDBRelation" };

    /// <summary>
    /// SQL Server: <c>[database].[schema].[name]</c> whenever the relation has a database, as
    /// dbt-sqlserver's include policy does: a two-part name resolves in the connection's database,
    /// which reads the wrong table for a model or source configured with another database.
    /// </summary>
    public static readonly RelationQuoting SqlServer = new("[", "]", IncludeDatabase: true) { RelationClass = "SQLServerRelation" };

    /// <summary>The adapter's relation class name, which packages read as <c>relation.get('metadata').type</c>.</summary>
    public string RelationClass { get; init; } = "BaseRelation";

    /// <summary>The quoting of a target type's warehouse adapter; the default target's (DuckDB) for none.</summary>
    public static RelationQuoting ForTargetType(string? type) => Targets.WarehouseAdapters.FindOrDefault(type).Quoting;

    /// <summary>Quotes one name, doubling the closing quote character inside it.</summary>
    public string Quote(string name) =>
        OpenQuote + name.Replace(CloseQuote, CloseQuote + CloseQuote, StringComparison.Ordinal) + CloseQuote;
}
