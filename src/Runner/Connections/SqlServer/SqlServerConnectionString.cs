using System.Globalization;
using Microsoft.Data.SqlClient;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// Turns a profile into SqlClient's connection string. The result holds the password or client
/// secret when the authentication needs one: it goes to SqlClient and nowhere else (never a
/// message, a log or a ToString); <see cref="Describe"/> is the printable form.
/// </summary>
internal static class SqlServerConnectionString
{
    /// <summary>Shown in every message about the target.</summary>
    public const string ApplicationName = "forge";

    public static string Build(SqlServerTargetProfile profile)
    {
        var builder = new SqlConnectionStringBuilder
        {
            DataSource = DataSource(profile),
            InitialCatalog = profile.Database ?? "",
            Encrypt = profile.Encrypt,
            TrustServerCertificate = profile.TrustCert,
            ApplicationName = ApplicationName,
            // query_timeout 0 means no limit in the profile, and so it does in SqlClient; its default would be 30 s.
            CommandTimeout = Math.Max(0, profile.QueryTimeout),
            // forge retries opening itself (SqlServerConnector); SqlClient's idle-connection
            // resiliency stays on for connections that drop during a long run.
        };
        if (profile.LoginTimeout > 0) builder.ConnectTimeout = profile.LoginTimeout;

        switch (profile.Authentication)
        {
            case SqlServerAuthentication.Sql:
                builder.UserID = profile.User ?? "";
                builder.Password = profile.Password ?? "";
                break;
            case SqlServerAuthentication.Windows:
                builder.IntegratedSecurity = true;
                break;
            case SqlServerAuthentication.ActiveDirectoryPassword:
                builder.Authentication = SqlAuthenticationMethod.ActiveDirectoryPassword;
                builder.UserID = profile.User ?? "";
                builder.Password = profile.Password ?? "";
                break;
            case SqlServerAuthentication.ActiveDirectoryServicePrincipal:
                // SqlClient takes the application (client) id as the user and its secret as the password;
                // the tenant comes from the server's login redirect.
                builder.Authentication = SqlAuthenticationMethod.ActiveDirectoryServicePrincipal;
                builder.UserID = profile.ClientId ?? "";
                builder.Password = profile.ClientSecret ?? "";
                break;
            case SqlServerAuthentication.ActiveDirectoryInteractive:
                builder.Authentication = SqlAuthenticationMethod.ActiveDirectoryInteractive;
                if (!string.IsNullOrEmpty(profile.User)) builder.UserID = profile.User;
                break;
            case SqlServerAuthentication.ActiveDirectoryManagedIdentity:
                // A user-assigned identity is chosen by its client id; none means the system-assigned one.
                builder.Authentication = SqlAuthenticationMethod.ActiveDirectoryManagedIdentity;
                if (!string.IsNullOrEmpty(profile.ClientId)) builder.UserID = profile.ClientId;
                break;
            case SqlServerAuthentication.ActiveDirectoryDefault:
                // SqlClient 2.1 has no Default mode: the connector sets SqlConnection.AccessToken, which
                // excludes every credential keyword here.
                break;
        }
        return builder.ConnectionString;
    }

    /// <summary>True when the connection needs an access token from Azure.Identity before opening.</summary>
    public static bool NeedsAccessToken(SqlServerTargetProfile profile) =>
        profile.Authentication == SqlServerAuthentication.ActiveDirectoryDefault;

    /// <summary>
    /// SqlClient's data source: <c>host,port</c>. A server written with its own port
    /// (<c>host,1433</c>) or as a named instance (<c>host\instance</c>, found through SQL Browser)
    /// is kept as written unless a port other than the default is given.
    /// </summary>
    public static string DataSource(SqlServerTargetProfile profile)
    {
        var server = profile.Server.Trim();
        if (server.Contains(',', StringComparison.Ordinal)) return server;
        if (server.Contains('\\', StringComparison.Ordinal) && profile.Port == 1433) return server;
        return server + "," + profile.Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The target as messages show it: where, which database, how it signs in; never a secret.</summary>
    public static string Describe(SqlServerTargetProfile profile)
    {
        var who = profile.Authentication switch
        {
            SqlServerAuthentication.Sql or SqlServerAuthentication.ActiveDirectoryPassword => $", user {profile.User}",
            SqlServerAuthentication.ActiveDirectoryServicePrincipal => $", client id {profile.ClientId}",
            SqlServerAuthentication.ActiveDirectoryManagedIdentity when !string.IsNullOrEmpty(profile.ClientId) => $", client id {profile.ClientId}",
            _ => "",
        };
        return $"sqlserver {DataSource(profile)}, database {profile.Database}, authentication {AuthenticationName(profile.Authentication)}{who}";
    }

    /// <summary>The authentication as profiles.yml spells it.</summary>
    public static string AuthenticationName(SqlServerAuthentication authentication) => authentication switch
    {
        SqlServerAuthentication.Sql => "sql",
        SqlServerAuthentication.Windows => "windows",
        _ => authentication.ToString(),
    };
}
