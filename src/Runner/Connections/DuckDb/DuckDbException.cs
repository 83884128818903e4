using System.Data.Common;

namespace ModelForge.Runner.Connections.DuckDb;

/// An error DuckDB reported. Message is DuckDB's text unchanged (including its "LINE n:" excerpt
/// and caret when it has one), so callers can show it as DuckDB would.
internal sealed class DuckDbException : DbException
{
    public DuckDbException(string message, DuckDbErrorType errorType, string? commandText = null, int? position = null)
        : base(message)
    {
        ErrorType = errorType;
        CommandText = commandText;
        Position = position;
    }

    /// DuckDB's error category (Parser, Catalog, Binder, Constraint, Conversion, Interrupt, …).
    public DuckDbErrorType ErrorType { get; }

    /// The SQL text the command ran, when the error came from running SQL.
    public string? CommandText { get; }

    /// 0-based character offset into CommandText where DuckDB located the error; null when
    /// DuckDB gave no location (many runtime errors have none).
    public int? Position { get; }

    /// Builds the exception for SQL that failed: segmentStart is where the failing statement
    /// begins inside the command text, because DuckDB locates errors within the text it was given.
    public static DuckDbException ForSql(string message, DuckDbErrorType errorType, string commandText, int segmentStart, string segmentText)
    {
        int? position = ErrorPositionFinder.TryFind(message, segmentText, out var offset) ? segmentStart + offset : null;
        return new DuckDbException(message, errorType, commandText, position);
    }

    /// For messages that arrive without a duckdb_error_type (open, prepare, appender), the
    /// category is read from DuckDB's "Category Error: " prefix.
    public static DuckDbException FromMessage(string message, string? commandText = null) =>
        new(message, ErrorTypeNames.FromMessage(message), commandText);
}
