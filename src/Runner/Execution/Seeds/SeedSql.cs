using System.Text;
using ModelForge.Compiler.Seeds;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Seeds;

/// <summary>
/// The statements a seed needs beyond <see cref="TargetSql"/>: a table with explicit column
/// types, and the columns of an existing table. Both are plain SQL that DuckDB and SQL Server share.
/// </summary>
internal static class SeedSql
{
    // Words that cannot stand unquoted as a column name: DuckDB 1.5's reserved and type_function
    // keywords (duckdb_keywords(); its column_name keywords such as "timestamp" may), then T-SQL's
    // reserved words. A name like "order", "at" or "user" is quoted even when quote_columns is off.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check",
        "collate", "column", "constraint", "create", "default", "deferrable", "desc", "describe", "distinct", "do",
        "else", "end", "except", "false", "fetch", "for", "foreign", "from", "group", "having", "in", "initially",
        "intersect", "into", "lambda", "lateral", "leading", "limit", "not", "null", "offset", "on", "only", "or",
        "order", "pivot", "pivot_longer", "pivot_wider", "placing", "primary", "qualify", "references", "returning",
        "select", "show", "some", "summarize", "symmetric", "table", "then", "to", "trailing", "true", "union",
        "unique", "unpivot", "using", "variadic", "when", "where", "window", "with",
        "anti", "asof", "at", "authorization", "binary", "by", "collation", "columns", "concurrently", "cross",
        "freeze", "full", "generated", "glob", "ilike", "inner", "is", "isnull", "join", "left", "like", "map",
        "natural", "notnull", "outer", "overlaps", "positional", "right", "semi", "similar", "struct", "tablesample",
        "try_cast", "unpack", "verbose",
        "add", "alter", "backup", "begin", "break", "browse", "bulk", "cascade", "checkpoint", "close", "clustered",
        "commit", "compute", "contains", "continue", "convert", "current", "current_date", "current_time",
        "current_timestamp", "current_user", "cursor", "database", "dbcc", "deallocate", "declare", "delete", "deny",
        "disk", "distributed", "double", "drop", "dump", "errlvl", "escape", "exec", "execute", "exit", "file",
        "fillfactor", "freetext", "function", "goto", "grant", "holdlock", "identity", "identity_insert",
        "identitycol", "if", "index", "insert", "key", "kill", "lineno", "load", "merge", "national", "nocheck",
        "nonclustered", "of", "off", "offsets", "open", "opendatasource", "openquery", "openrowset", "openxml",
        "option", "over", "percent", "plan", "print", "proc", "procedure", "public", "raiserror", "read", "readtext",
        "reconfigure", "replication", "restore", "restrict", "return", "revert", "revoke", "rollback", "rowcount",
        "rowguidcol", "rule", "save", "schema", "securityaudit", "session_user", "set", "setuser", "shutdown",
        "statistics", "system_user", "textsize", "top", "tran", "transaction", "trigger", "truncate", "tsequal",
        "update", "updatetext", "use", "user", "values", "varying", "view", "waitfor", "while", "writetext",
    };

    public static string CreateTable(TargetSql sql, string? database, string schema, string table, IReadOnlyList<SeedColumn> columns, bool quoteColumns)
    {
        var text = new StringBuilder("create table ").Append(sql.QualifiedName(database, schema, table)).Append(" (");
        for (var i = 0; i < columns.Count; i++)
        {
            text.Append(i == 0 ? "\n  " : ",\n  ").Append(ColumnName(sql, columns[i].Name, quoteColumns)).Append(' ').Append(columns[i].SqlType);
        }
        return text.Append("\n)").ToString();
    }

    /// <summary>(column_name) rows of a table in column order.</summary>
    public static string ListColumns(TargetSql sql, string? database, string schema, string table)
    {
        var (from, filter) = sql.CatalogColumns(database);
        // Upper case: SQL Server databases with a case-sensitive collation only know these names so.
        return $"select COLUMN_NAME from {from} " +
               $"where TABLE_SCHEMA = {sql.Literal(schema)} and TABLE_NAME = {sql.Literal(table)}{filter} order by ORDINAL_POSITION";
    }

    /// <summary>
    /// The name as written when it can stand unquoted (letters, digits and underscores, not a
    /// reserved word), quoted otherwise or when <paramref name="quoteColumns"/> is set.
    /// </summary>
    public static string ColumnName(TargetSql sql, string name, bool quoteColumns) =>
        quoteColumns || NeedsQuotes(name) ? sql.Quote(name) : name;

    private static bool NeedsQuotes(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return true;
        }
        return Reserved.Contains(name);
    }
}
