using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// A failed open reduced to what the user needs: the kind of failure and a short reason in one
/// line (SqlClient's network messages run to several sentences of generic advice).
/// </summary>
/// <param name="Kind">Picks the diagnostic code and hint.</param>
/// <param name="Reason">One line, without secrets once passed through <see cref="SecretScrubber"/>.</param>
internal sealed record SqlServerFailure(SqlServerFailureKind Kind, string Reason)
{
    private static readonly HashSet<int> LoginNumbers = [18452, 18456, 18470, 18486, 18487, 18488];

    private static readonly HashSet<int> DatabaseNumbers = [916, 4060];

    public static SqlServerFailure Classify(SqlException exception)
    {
        var inner = exception.InnerException;
        var hostNotFound = inner is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData };
        return Classify(exception.Number, exception.Message, hostNotFound);
    }

    /// <summary>The classification from SqlClient's parts (tests build them without a server).</summary>
    public static SqlServerFailure Classify(int number, string message, bool hostNotFound)
    {
        var first = FirstLine(message);
        if (hostNotFound || message.Contains("Name or service not known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("No such host is known", StringComparison.OrdinalIgnoreCase))
            return new(SqlServerFailureKind.HostNotFound, "the host name could not be resolved");
        if (number is -2 or 258 || message.Contains("Connection Timeout Expired", StringComparison.OrdinalIgnoreCase)
            || message.Contains("timeout period elapsed", StringComparison.OrdinalIgnoreCase))
            return new(SqlServerFailureKind.Timeout, "the server did not answer before the login timeout");
        if (LoginNumbers.Contains(number)) return new(SqlServerFailureKind.LoginFailed, first);
        if (message.Contains("Failed to authenticate the user", StringComparison.OrdinalIgnoreCase))
            return new(SqlServerFailureKind.LoginFailed, first);
        if (DatabaseNumbers.Contains(number)) return new(SqlServerFailureKind.DatabaseUnavailable, first);
        if (number == 0 && message.Contains("network-related", StringComparison.OrdinalIgnoreCase))
            return new(SqlServerFailureKind.Unreachable, "no SQL Server accepted the connection" + ProviderPart(message));
        return new(SqlServerFailureKind.Other, first);
    }

    /// <summary>The diagnostic for this failure on <paramref name="profile"/>, with every secret of the profile scrubbed.</summary>
    public Diagnostic ToDiagnostic(SqlServerTargetProfile profile)
    {
        var span = profile.SourceSpan;
        var server = SqlServerConnectionString.DataSource(profile);
        var reason = SecretScrubber.Scrub(Reason, profile);
        var auth = SqlServerConnectionString.AuthenticationName(profile.Authentication);
        return Kind switch
        {
            SqlServerFailureKind.Unreachable => DiagnosticCodes.SqlServer.Unreachable(span, profile.Name, server, reason),
            SqlServerFailureKind.HostNotFound => DiagnosticCodes.SqlServer.HostNotFound(span, profile.Name, server, reason),
            SqlServerFailureKind.Timeout => DiagnosticCodes.SqlServer.Timeout(span, profile.Name, server, reason, profile.LoginTimeout),
            SqlServerFailureKind.LoginFailed => DiagnosticCodes.SqlServer.LoginFailed(span, profile.Name, server, reason, auth),
            SqlServerFailureKind.DatabaseUnavailable => DiagnosticCodes.SqlServer.DatabaseUnavailable(span, profile.Name, server, reason, profile.Database),
            _ => DiagnosticCodes.SqlServer.ConnectFailed(span, profile.Name, server, reason),
        };
    }

    // SqlClient ends network messages with "(provider: TCP Provider, error: 40 - Could not open a
    // connection to SQL Server)": the one specific part of them.
    private static string ProviderPart(string message)
    {
        var start = message.LastIndexOf("(provider:", StringComparison.Ordinal);
        if (start < 0) return "";
        var end = message.IndexOf(')', start);
        var part = end < 0 ? message[start..] : message[start..(end + 1)];
        return " " + part.Replace("(provider: ", "(", StringComparison.Ordinal);
    }

    private static string FirstLine(string message)
    {
        var line = message.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).Trim().ToString();
    }
}
