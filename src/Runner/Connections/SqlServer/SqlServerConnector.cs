using Azure.Identity;
using Microsoft.Data.SqlClient;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// Opens SqlClient connections for a SQL Server profile: builds the connection string, gets a
/// token for ActiveDirectoryDefault, retries transient failures (the profile's <c>retries</c>),
/// and turns a final failure into one diagnostic naming the target and the server.
/// </summary>
internal sealed class SqlServerConnector(IAccessTokenSource tokens, Action<TimeSpan>? sleep = null)
{
    public static readonly SqlServerConnector Default = new(AzureIdentityTokenSource.Shared);

    /// <summary>An open connection; throws <see cref="DiagnosticException"/> when it cannot open.</summary>
    public SqlConnection Open(SqlServerTargetProfile profile)
    {
        // The profile loader lets a credential render empty so that `forge compile` works without secrets.
        if (profile.Authentication is SqlServerAuthentication.Sql or SqlServerAuthentication.ActiveDirectoryPassword &&
            (string.IsNullOrEmpty(profile.User) || string.IsNullOrEmpty(profile.Password)))
        {
            throw new DiagnosticException(DiagnosticCodes.SqlServer.ConnectFailed(profile.SourceSpan, profile.Name,
                SqlServerConnectionString.DataSource(profile), "the user or password is empty")
                with { Hint = "set the environment variables the profile reads with env_var(), e.g. FORGE_SQLSERVER_PASSWORD" });
        }
        if (profile.Authentication == SqlServerAuthentication.ActiveDirectoryServicePrincipal && string.IsNullOrEmpty(profile.ClientSecret))
        {
            throw new DiagnosticException(DiagnosticCodes.SqlServer.ConnectFailed(profile.SourceSpan, profile.Name,
                SqlServerConnectionString.DataSource(profile), "the client secret is empty")
                with { Hint = "set the environment variable the profile reads for client_secret" });
        }
        var connectionString = SqlServerConnectionString.Build(profile);
        var policy = new RetryPolicy(profile.Retries, sleep);
        try
        {
            return policy.Run(() => OpenOnce(profile, connectionString), TransientErrors.IsTransient);
        }
        catch (SqlException e)
        {
            throw new DiagnosticException(SqlServerFailure.Classify(e).ToDiagnostic(profile));
        }
        catch (AuthenticationFailedException e)
        {
            // Also CredentialUnavailableException: no credential in DefaultAzureCredential's chain worked.
            var reason = SecretScrubber.Scrub(FirstLine(e.Message), profile);
            throw new DiagnosticException(DiagnosticCodes.SqlServer.TokenFailed(profile.SourceSpan, profile.Name,
                SqlServerConnectionString.DataSource(profile), "no access token for ActiveDirectoryDefault: " + reason));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // SqlClient rejects a combination of settings before connecting (e.g. a keyword value it does not accept).
            var reason = SecretScrubber.Scrub(FirstLine(e.Message), profile);
            throw new DiagnosticException(DiagnosticCodes.SqlServer.ConnectFailed(profile.SourceSpan, profile.Name,
                SqlServerConnectionString.DataSource(profile), reason));
        }
    }

    private SqlConnection OpenOnce(SqlServerTargetProfile profile, string connectionString)
    {
        var connection = new SqlConnection(connectionString);
        try
        {
            if (SqlServerConnectionString.NeedsAccessToken(profile)) connection.AccessToken = tokens.GetToken(profile);
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end].Trim();
    }
}
