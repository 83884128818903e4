namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>SQL Server connections (MF5400–MF5499). Every message names the target and the server, never a secret.</summary>
    public static class SqlServer
    {
        public const string UnreachableCode = "MF5401";
        public const string LoginFailedCode = "MF5402";
        public const string TimeoutCode = "MF5403";
        public const string HostNotFoundCode = "MF5404";
        public const string DatabaseUnavailableCode = "MF5405";
        public const string TokenFailedCode = "MF5406";
        public const string ConnectFailedCode = "MF5407";

        internal static Diagnostic Unreachable(SourceSpan? span, string target, string server, string reason) =>
            Cannot(UnreachableCode, span, target, server, reason,
                "check that SQL Server is running and listens on TCP at that host and port (SQL Server Configuration Manager, firewall); " +
                "write `server: host\\instance` for a named instance");

        internal static Diagnostic LoginFailed(SourceSpan? span, string target, string server, string reason, string authentication) =>
            Cannot(LoginFailedCode, span, target, server, reason,
                authentication == "sql"
                    ? "check user and password in profiles.yml (read them with env_var, e.g. password: \"{{ env_var('MSSQL_PASSWORD') }}\") and that the login may use the database"
                    : $"check that the identity used by authentication '{authentication}' is a user of the database (CREATE USER ... FROM EXTERNAL PROVIDER)");

        internal static Diagnostic Timeout(SourceSpan? span, string target, string server, string reason, int loginTimeout) =>
            Cannot(TimeoutCode, span, target, server, reason,
                loginTimeout > 0
                    ? $"the server did not answer within login_timeout ({loginTimeout} s): check host and port, or raise login_timeout in profiles.yml"
                    : "the server did not answer in time: check host and port, or set login_timeout (seconds) in profiles.yml");

        internal static Diagnostic HostNotFound(SourceSpan? span, string target, string server, string reason) =>
            Cannot(HostNotFoundCode, span, target, server, reason,
                "check the spelling of `server:` in profiles.yml (Azure SQL: myserver.database.windows.net) and that DNS resolves it from this machine");

        internal static Diagnostic DatabaseUnavailable(SourceSpan? span, string target, string server, string reason, string? database) =>
            Cannot(DatabaseUnavailableCode, span, target, server, reason,
                $"check `database: {database}` in profiles.yml: the database must exist and the login needs access to it");

        internal static Diagnostic TokenFailed(SourceSpan? span, string target, string server, string reason) =>
            Cannot(TokenFailedCode, span, target, server, reason,
                "ActiveDirectoryDefault tries environment variables (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_SECRET), managed identity, " +
                "then the Azure CLI: sign in with `az login`, or pick another authentication in profiles.yml");

        internal static Diagnostic ConnectFailed(SourceSpan? span, string target, string server, string reason) =>
            Cannot(ConnectFailedCode, span, target, server, reason,
                "check server, port, database and authentication in profiles.yml; `forge debug` shows the settings in use");

        private static Diagnostic Cannot(string code, SourceSpan? span, string target, string server, string reason, string hint) =>
            Diagnostic.Error(code, $"cannot connect to SQL Server target '{target}' at {server}: {reason}", span, hint);
    }
}
