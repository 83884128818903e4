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
