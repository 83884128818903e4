using Microsoft.Data.SqlClient;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// SQL Server error numbers that a retry can cure: the server or database is busy, moving, or
/// briefly unreachable (the list Microsoft documents for Azure SQL, plus deadlocks and lock
/// timeouts). Bad logins, missing databases and unknown hosts are not among them.
/// </summary>
internal static class TransientErrors
{
    private static readonly HashSet<int> Numbers =
    [
        -2,     // client timeout
        20,     // the instance is not ready for connections
        64,     // connection dropped during login
        233,    // connection closed by the server during login
        1205,   // deadlock victim
        1222,   // lock request timeout
        4060,   // database unavailable right now (also a wrong name: open only, retried briefly)
        4221,   // login to a read-only secondary failed while it catches up
        10053, 10054, 10060, 10928, 10929,
        40143, 40197, 40501, 40540, 40613,
        42108, 42109,
        49918, 49919, 49920,
    ];

    public static bool IsTransientNumber(int number) => Numbers.Contains(number);

    /// <summary>True when any error in the exception is transient, or the connection never reached the server.</summary>
    public static bool IsTransient(Exception exception)
    {
        if (exception is not SqlException sql) return false;
        foreach (SqlError error in sql.Errors)
        {
            if (IsTransientNumber(error.Number)) return true;
        }
        // Number 0 with a network provider error: the server was not reachable (refused, reset);
        // a server that is restarting answers again shortly. An unknown host is not retried.
        return sql.Number == 0 && SqlServerFailure.Classify(sql).Kind == SqlServerFailureKind.Unreachable;
    }
}
