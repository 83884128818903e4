using Microsoft.Data.SqlClient;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections.SqlServer;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.SqlServer;

internal sealed class ConnectionStringTests
{
    private static SqlConnectionStringBuilder Build(SqlServerTargetProfile profile) => new(SqlServerConnectionString.Build(profile));

    [Test]
    public void Sql_authentication_passes_user_and_password()
    {
        var built = Build(Profiles.For(SqlServerAuthentication.Sql));

        Assert.That(built.DataSource, Is.EqualTo("db.example.com,1433"));
        Assert.That(built.InitialCatalog, Is.EqualTo("analytics"));
        Assert.That(built.UserID, Is.EqualTo("forge_user"));
        Assert.That(built.Password, Is.EqualTo(Profiles.Password));
        Assert.That(built.IntegratedSecurity, Is.False);
        Assert.That(built.Authentication, Is.EqualTo(SqlAuthenticationMethod.NotSpecified));
        Assert.That(built.ApplicationName, Is.EqualTo("forge"));
    }

    [Test]
    public void Windows_authentication_uses_integrated_security_and_no_credentials()
    {
        var built = Build(Profiles.For(SqlServerAuthentication.Windows));

        Assert.That(built.IntegratedSecurity, Is.True);
        Assert.That(built.UserID, Is.Empty);
        Assert.That(built.Password, Is.Empty);
    }

    [Test]
    public void Active_directory_password_passes_user_and_password_with_the_method()
    {
        var built = Build(Profiles.For(SqlServerAuthentication.ActiveDirectoryPassword));

        Assert.That(built.Authentication, Is.EqualTo(SqlAuthenticationMethod.ActiveDirectoryPassword));
        Assert.That(built.UserID, Is.EqualTo("forge_user"));
        Assert.That(built.Password, Is.EqualTo(Profiles.Password));
    }

    [Test]
    public void Service_principal_passes_client_id_as_user_and_client_secret_as_password()
    {
        var built = Build(Profiles.For(SqlServerAuthentication.ActiveDirectoryServicePrincipal));

        Assert.That(built.Authentication, Is.EqualTo(SqlAuthenticationMethod.ActiveDirectoryServicePrincipal));
        Assert.That(built.UserID, Is.EqualTo("11111111-2222-3333-4444-555555555555"));
        Assert.That(built.Password, Is.EqualTo(Profiles.ClientSecret));
    }

    [Test]
    public void Interactive_passes_the_user_as_a_login_hint_and_no_password()
    {
        var built = Build(Profiles.For(SqlServerAuthentication.ActiveDirectoryInteractive));

        Assert.That(built.Authentication, Is.EqualTo(SqlAuthenticationMethod.ActiveDirectoryInteractive));
        Assert.That(built.UserID, Is.EqualTo("forge_user"));
        Assert.That(built.Password, Is.Empty);
    }

    [Test]
    public void Managed_identity_picks_a_user_assigned_identity_by_client_id()
    {
        var userAssigned = Build(Profiles.For(SqlServerAuthentication.ActiveDirectoryManagedIdentity));
        var systemAssigned = Build(Profiles.For(SqlServerAuthentication.ActiveDirectoryManagedIdentity) with { ClientId = null });

        Assert.That(userAssigned.Authentication, Is.EqualTo(SqlAuthenticationMethod.ActiveDirectoryManagedIdentity));
        Assert.That(userAssigned.UserID, Is.EqualTo("11111111-2222-3333-4444-555555555555"));
        Assert.That(userAssigned.Password, Is.Empty);
        Assert.That(systemAssigned.UserID, Is.Empty);
    }

    [Test]
    public void Active_directory_default_has_no_credentials_and_needs_a_token()
    {
        var profile = Profiles.For(SqlServerAuthentication.ActiveDirectoryDefault);
        var built = Build(profile);

        // SqlConnection.AccessToken refuses a connection string with any credential keyword.
        Assert.That(built.Authentication, Is.EqualTo(SqlAuthenticationMethod.NotSpecified));
        Assert.That(built.UserID, Is.Empty);
        Assert.That(built.Password, Is.Empty);
        Assert.That(built.IntegratedSecurity, Is.False);
        Assert.That(SqlServerConnectionString.NeedsAccessToken(profile), Is.True);
        Assert.That(SqlServerConnectionString.NeedsAccessToken(Profiles.For(SqlServerAuthentication.Sql)), Is.False);
    }

    [Test]
    public void Encrypt_trust_cert_and_timeouts_follow_the_profile()
    {
        var profile = Profiles.For(SqlServerAuthentication.Sql) with { Encrypt = false, TrustCert = true, LoginTimeout = 7, QueryTimeout = 600 };
        var built = Build(profile);

        Assert.That(built.Encrypt, Is.EqualTo(SqlConnectionEncryptOption.Optional));
        Assert.That(built.TrustServerCertificate, Is.True);
        Assert.That(built.ConnectTimeout, Is.EqualTo(7));
        Assert.That(built.CommandTimeout, Is.EqualTo(600));
    }

    [Test]
    public void Zero_timeouts_mean_the_driver_login_default_and_no_query_limit()
    {
        var built = Build(Profiles.For(SqlServerAuthentication.Sql));

        Assert.That(built.Encrypt, Is.EqualTo(SqlConnectionEncryptOption.Mandatory));
        Assert.That(built.TrustServerCertificate, Is.False);
        Assert.That(built.ConnectTimeout, Is.EqualTo(15));
        Assert.That(built.CommandTimeout, Is.EqualTo(0));
    }

    [TestCase("db.example.com", 1433, "db.example.com,1433")]
    [TestCase("db.example.com", 14330, "db.example.com,14330")]
    [TestCase("db.example.com,1444", 1433, "db.example.com,1444")]
    [TestCase(@"host\SQLEXPRESS", 1433, @"host\SQLEXPRESS")]
    [TestCase(@"host\SQLEXPRESS", 50000, @"host\SQLEXPRESS,50000")]
    public void The_data_source_joins_server_and_port_unless_the_server_names_its_own(string server, int port, string expected)
    {
        var profile = Profiles.For(SqlServerAuthentication.Sql) with { Server = server, Port = port };

        Assert.That(SqlServerConnectionString.DataSource(profile), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(AllModes))]
    public void No_description_or_ToString_shows_a_secret(SqlServerAuthentication authentication)
    {
        var profile = Profiles.For(authentication);

        var shown = SqlServerConnectionString.Describe(profile) + "\n" + profile;

        Assert.That(shown, Does.Not.Contain(Profiles.Password).And.Not.Contain(Profiles.ClientSecret));
        Assert.That(SqlServerConnectionString.Describe(profile), Does.StartWith("sqlserver db.example.com,1433, database analytics"));
    }

    [Test]
    public void An_open_connection_does_not_give_its_password_back()
    {
        // Persist Security Info stays false: SqlConnection.ConnectionString drops the password once
        // opened; before opening, only this builder's text holds it, and it is never printed.
        var built = Build(Profiles.For(SqlServerAuthentication.Sql));

        Assert.That(built.PersistSecurityInfo, Is.False);
    }

    private static IEnumerable<SqlServerAuthentication> AllModes() => Enum.GetValues<SqlServerAuthentication>();
}
