using System.Data.Common;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>
/// Every question forge asks about a DuckDB error, answered from DuckDB's message text. DuckDB.NET
/// reports <c>ErrorType</c> Invalid for errors raised while preparing (parser, binder, catalog), so
/// the category is the message's "Category Error: " prefix, as DuckDB writes it in every client.
/// </summary>
internal static class DuckDbErrors
{
    /// <summary>
    /// The 0-based offset into <paramref name="commandText"/> where DuckDB located the error: its
    /// message ends with "LINE n: excerpt" and a caret. False when the error is not DuckDB's or
    /// carries no location (many run-time errors have none).
    /// </summary>
    public static bool TryPosition(DbException error, string? commandText, out int position)
    {
        position = 0;
        return error is DuckDBException && commandText is not null
            && ErrorPositionFinder.TryFind(error.Message, commandText, out position);
    }

    /// <summary>A NOT NULL, CHECK, PRIMARY KEY, UNIQUE or FOREIGN KEY violation.</summary>
    public static bool IsConstraintViolation(DbException error) =>
        Category(error) == "Constraint" || error is DuckDBException { ErrorType: DuckDBErrorType.Constraint }
        // The appender reports "Failed to append: Duplicate key … violates primary key constraint".
        || (error is DuckDBException && error.Message.StartsWith("Failed to append", StringComparison.Ordinal)
            && error.Message.Contains(" constraint", StringComparison.OrdinalIgnoreCase));

    /// <summary>Another process holds the database file (DuckDB allows one writer process per file).</summary>
    public static bool IsLocked(DbException error) =>
        Category(error) == "IO" && error.Message.Contains("Could not set lock on file", StringComparison.Ordinal);

    /// <summary>The statement was interrupted (a cancelled run).</summary>
    public static bool IsInterrupted(DbException error) => error is DuckDbInterruptedException || Category(error) == "INTERRUPT";

    /// <summary>
    /// Runs a statement. DuckDB.NET raises OperationCanceledException for an interrupted statement;
    /// forge handles every failure of a statement as a DbException, so it becomes one here.
    /// </summary>
    public static int ExecuteNonQuery(DbCommand command)
    {
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (OperationCanceledException e)
        {
            throw new DuckDbInterruptedException(e);
        }
    }

    /// <summary>DuckDB's category ("Parser", "Binder", "Catalog", "Constraint", "IO", …), or null when it is not a DuckDB error.</summary>
    public static string? Category(DbException error)
    {
        if (error is not DuckDBException) return null;
        var end = error.Message.IndexOf(" Error: ", StringComparison.Ordinal);
        return end > 0 ? error.Message[..end] : null;
    }
}
