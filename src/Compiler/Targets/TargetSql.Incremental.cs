namespace ModelForge.Compiler.Targets;

// Statements of the incremental materialization. Relation names arrive already qualified and
// quoted (QualifiedName); column names arrive unquoted and are quoted here; unique_key entries are
// expressions, as in dbt, and are written as given behind a table alias.
public abstract partial class TargetSql
{
    /// <summary>A query returning (column name, data type) rows of a relation, in column order.</summary>
    public abstract string ListColumns(string? database, string schema, string identifier);

    /// <summary>Inserts <paramref name="columns"/> of every row of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public abstract string InsertFrom(string target, string source, IReadOnlyList<string> columns);

    /// <summary>Deletes the rows of <paramref name="target"/> whose unique key appears in <paramref name="source"/>.</summary>
    public abstract string DeleteMatching(string target, string source, IReadOnlyList<string> uniqueKey);

    /// <summary>
    /// Updates matched rows (<paramref name="updateColumns"/>, none means insert-only) and inserts
    /// the others (<paramref name="insertColumns"/>). <paramref name="source"/> has one row per key.
    /// </summary>
    public abstract string Merge(string target, string source, IReadOnlyList<string> uniqueKey,
        IReadOnlyList<string> insertColumns, IReadOnlyList<string> updateColumns);

    /// <summary>
    /// A query returning one row per unique key value that appears more than once in
    /// <paramref name="source"/> (at most <paramref name="limit"/>): the key values, then the count.
    /// </summary>
    public abstract string DuplicateKeys(string source, IReadOnlyList<string> uniqueKey, int limit);

    public abstract string AddColumn(string target, string column, string dataType);

    public abstract string DropColumn(string target, string column);

    public abstract string AlterColumnType(string target, string column, string dataType);

    // Staging: where an incremental batch or a snapshot's query result waits to be applied. By
    // default a helper table beside the target; a target with session-scoped temporary tables
    // overrides these four so nothing is left behind if the process dies.

    /// <summary>The qualified name of the staging table <paramref name="identifier"/> for a relation in <paramref name="schema"/>.</summary>
    public virtual string StagingName(string? database, string schema, string identifier) => QualifiedName(database, schema, identifier);

    public virtual string CreateStagingTable(string? database, string schema, string identifier, string sql) =>
        CreateTableAs(database, schema, identifier, sql);

    public virtual string DropStagingTable(string? database, string schema, string identifier) =>
        Drop(database, schema, identifier, RelationKind.Table);

    /// <summary>As <see cref="ListColumns"/>, for a staging table.</summary>
    public virtual string ListStagingColumns(string? database, string schema, string identifier) => ListColumns(database, schema, identifier);

    /// <summary>
    /// dbt's <c>expand_target_column_types</c>: the wider type a table column needs to hold the
    /// batch's values (a longer string), or null when it holds them already or cannot be widened
    /// in place. By default nothing is widened.
    /// </summary>
    public virtual string? WidenedColumnType(string targetType, string batchType) => null;

    /// <summary>True when a table column of <paramref name="targetType"/> holds every value of <paramref name="batchType"/> (dbt's can_expand_to, seen from the table).</summary>
    public virtual bool HoldsColumnType(string targetType, string batchType) => false;

    /// <summary>The incremental strategy when a model names none: dbt-postgres' and dbt-duckdb's delete+insert with a unique_key, else append.</summary>
    public virtual string DefaultIncrementalStrategy(bool hasUniqueKey) => hasUniqueKey ? "delete+insert" : "append";

    /// <summary>
    /// Lets a table column take nulls, for a column the new rows leave out (a column the model
    /// dropped). Null when the target's tables never copy NOT NULL from a query.
    /// </summary>
    public virtual string? AllowNulls(string target, string column, string dataType) => null;

    /// <summary>
    /// <see cref="Merge(string, string, IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string})"/>
    /// limited by dbt's incremental_predicates. By default the predicates are not applied.
    /// </summary>
    public virtual string Merge(string target, string source, IReadOnlyList<string> uniqueKey,
        IReadOnlyList<string> insertColumns, IReadOnlyList<string> updateColumns, IReadOnlyList<string> predicates) =>
        Merge(target, source, uniqueKey, insertColumns, updateColumns);

    /// <summary><see cref="DeleteMatching(string, string, IReadOnlyList{string})"/> limited by dbt's incremental_predicates; by default not applied.</summary>
    public virtual string DeleteMatching(string target, string source, IReadOnlyList<string> uniqueKey, IReadOnlyList<string> predicates) =>
        DeleteMatching(target, source, uniqueKey);
}
