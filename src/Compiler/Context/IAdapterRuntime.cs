namespace ModelForge.Compiler.Context;

/// <summary>
/// The database behind <c>run_query</c>, <c>statement</c> and <c>adapter.*</c>. Implemented by the
/// runner per target; null while parsing and compiling without a connection. A database error is
/// reported by throwing a DiagnosticException (MF5xxx). One instance serves one render at a time.
/// </summary>
public interface IAdapterRuntime
{
    /// <summary>Runs <paramref name="sql"/> and returns its rows (<c>run_query</c>, <c>statement(fetch_result=True)</c>).</summary>
    QueryResult Query(string sql);

    /// <summary>Runs <paramref name="sql"/> without fetching rows.</summary>
    AdapterResponse Execute(string sql);

    /// <summary>The existing relation with its type (table/view), or null when it does not exist.</summary>
    Relation? GetRelation(string? database, string schema, string identifier);

    /// <summary>The relation's columns in ordinal order; empty when it does not exist.</summary>
    IReadOnlyList<Column> GetColumnsInRelation(Relation relation);

    /// <summary>Creates the relation's schema if it does not exist.</summary>
    void CreateSchema(Relation relation);

    /// <summary>Drops the relation if it exists (<c>adapter.drop_relation</c>); its type, when null, is looked up.</summary>
    void DropRelation(Relation relation);

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>'s identifier in the same schema (<c>adapter.rename_relation</c>).</summary>
    void RenameRelation(Relation from, Relation to);
}
