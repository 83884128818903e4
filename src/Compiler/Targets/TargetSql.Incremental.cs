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
}
