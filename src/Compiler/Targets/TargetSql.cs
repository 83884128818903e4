namespace ModelForge.Compiler.Targets;

/// <summary>
/// The SQL a target needs to materialize models: one method per statement, each returning text
/// that runs as one command. Identifiers are given unquoted and quoted here. Incremental and
/// snapshot statements are in TargetSql.Incremental.cs and TargetSql.Snapshots.cs.
/// </summary>
public abstract partial class TargetSql
{
    public abstract string Type { get; }

    public abstract TargetCapabilities Capabilities { get; }

    public string Quote(string identifier)
    {
        var open = Capabilities.QuoteOpen;
        var close = Capabilities.QuoteClose;
        return open + identifier.Replace(close.ToString(), new string(close, 2), StringComparison.Ordinal) + close;
    }

    public string QualifiedName(string? database, string schema, string identifier) =>
        Capabilities.IncludeDatabaseInNames && !string.IsNullOrEmpty(database)
            ? $"{Quote(database)}.{Quote(schema)}.{Quote(identifier)}"
            : $"{Quote(schema)}.{Quote(identifier)}";

    /// <summary>
    /// Where the INFORMATION_SCHEMA.COLUMNS rows of <paramref name="database"/> are read: the view to
    /// select from and a condition to append after the WHERE clause's others ("" for none). By
    /// default the database's own catalog views (SQL Server's <c>[db].INFORMATION_SCHEMA.COLUMNS</c>).
    /// </summary>
    public virtual (string From, string AndFilter) CatalogColumns(string? database) =>
        Capabilities.IncludeDatabaseInNames && !string.IsNullOrEmpty(database)
            ? ($"{Quote(database)}.INFORMATION_SCHEMA.COLUMNS", "")
            : ("INFORMATION_SCHEMA.COLUMNS", "");

    /// <summary>A string literal with quotes escaped.</summary>
    public virtual string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public abstract string CreateSchemaIfNotExists(string? database, string schema);

    /// <summary>Relations of one schema: a query returning (name, type) rows with type 'table' or 'view'.</summary>
    public abstract string ListRelations(string? database, string schema);

    public abstract string CreateView(string? database, string schema, string identifier, string sql);

    public abstract string CreateTableAs(string? database, string schema, string identifier, string sql);

    public abstract string Drop(string? database, string schema, string identifier, RelationKind kind);

    public abstract string Rename(string? database, string schema, string identifier, string newIdentifier, RelationKind kind);

    public virtual string BeginTransaction => "begin transaction";

    public virtual string Commit => "commit";

    public virtual string Rollback => "rollback";

    /// <summary>
    /// Run first inside every transaction a materialization opens (SQL Server: <c>SET XACT_ABORT ON</c>,
    /// so any failed statement rolls the whole swap back); null when the target needs nothing.
    /// </summary>
    public virtual string? TransactionPrologue => null;

    /// <summary>
    /// Statements that finish a freshly built table before it is swapped in: indexes and storage
    /// options from the model's config (SQL Server: <c>as_columnstore</c>, <c>indexes</c>).
    /// </summary>
    public virtual IReadOnlyList<string> TableOptions(string? database, string schema, string identifier, IReadOnlyDictionary<string, object?> config) => [];

    /// <summary>
    /// Splits off a leading WITH clause that must move to the top when the query is wrapped in a
    /// subquery (T-SQL allows no WITH inside one): (<c>with ...</c>, the rest). Targets that nest
    /// WITH freely return ("", <paramref name="query"/>).
    /// </summary>
    public virtual (string With, string Query) SplitLeadingWith(string query) => ("", query);

    /// <summary>At most <paramref name="limit"/> rows of <paramref name="query"/> (a query without a leading WITH).</summary>
    public virtual string LimitRows(string query, long limit) => $"{query}\nlimit {limit}";

    /// <summary>
    /// Refreshes views whose stored metadata depends on a relation that was just replaced
    /// (SQL Server's <c>sp_refreshview</c> for views over <c>select *</c>); null when views bind late.
    /// </summary>
    public virtual string? RefreshDependentViews(string? database, string schema, string identifier) => null;

    /// <summary>
    /// A name for a helper relation (<c>orders__forge_tmp</c>) that fits the identifier limit:
    /// long names are cut and given a short hash so two models never share a helper.
    /// </summary>
    public string HelperName(string identifier, string suffix)
    {
        var name = $"{identifier}__forge_{suffix}";
        if (name.Length <= Capabilities.MaxIdentifierLength) return name;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identifier)))[..8];
        var keep = Capabilities.MaxIdentifierLength - suffix.Length - hash.Length - 9;
        return $"{identifier[..keep]}_{hash}__forge_{suffix}";
    }
}
