namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>Why a connection could not open, as far as the user's fix differs.</summary>
internal enum SqlServerFailureKind
{
    Other,
    Unreachable,
    HostNotFound,
    Timeout,
    LoginFailed,
    DatabaseUnavailable,
}
