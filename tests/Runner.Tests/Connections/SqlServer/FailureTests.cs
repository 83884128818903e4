using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections.SqlServer;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.SqlServer;

internal sealed class FailureTests
{
    private const string Refused = "A network-related or instance-specific error occurred while establishing a connection to SQL Server. " +
        "The server was not found or was not accessible. (provider: TCP Provider, error: 40 - Could not open a connection to SQL Server)";

    [Test]
    public void A_refused_connection_is_unreachable_with_the_provider_detail_only()
    {
        var failure = SqlServerFailure.Classify(0, Refused, hostNotFound: false);

        Assert.That(failure.Kind, Is.EqualTo(SqlServerFailureKind.Unreachable));
        Assert.That(failure.Reason, Is.EqualTo("no SQL Server accepted the connection (TCP Provider, error: 40 - Could not open a connection to SQL Server)"));
    }

    [Test]
    public void An_unknown_host_is_reported_as_such()
    {
        Assert.That(SqlServerFailure.Classify(0, Refused, hostNotFound: true).Kind, Is.EqualTo(SqlServerFailureKind.HostNotFound));
        Assert.That(SqlServerFailure.Classify(0, "... (Name or service not known)", hostNotFound: false).Kind, Is.EqualTo(SqlServerFailureKind.HostNotFound));
    }

    [TestCase(-2, "Execution Timeout Expired.", SqlServerFailureKind.Timeout)]
    [TestCase(0, "Connection Timeout Expired.  The timeout period elapsed during the pre-login phase.", SqlServerFailureKind.Timeout)]
    [TestCase(18456, "Login failed for user 'sa'.", SqlServerFailureKind.LoginFailed)]
    [TestCase(0, "Failed to authenticate the user forge@contoso.com in Active Directory (Authentication=ActiveDirectoryPassword).", SqlServerFailureKind.LoginFailed)]
    [TestCase(4060, "Cannot open database \"analytics\" requested by the login. The login failed.", SqlServerFailureKind.DatabaseUnavailable)]
    [TestCase(40615, "Cannot open server 'x' requested by the login.", SqlServerFailureKind.Other)]
    public void Server_errors_are_classified_by_number_and_message(int number, string message, SqlServerFailureKind kind)
    {
        Assert.That(SqlServerFailure.Classify(number, message, hostNotFound: false).Kind, Is.EqualTo(kind));
    }

    [Test]
    public void The_reason_keeps_only_the_first_line()
    {
        var failure = SqlServerFailure.Classify(18456, "Login failed for user 'sa'.\nReason: password did not match.", hostNotFound: false);

        Assert.That(failure.Reason, Is.EqualTo("Login failed for user 'sa'."));
    }

    [Test]
    public void The_diagnostic_names_target_and_server_in_one_line_with_a_hint()
    {
        var profile = Profiles.For(SqlServerAuthentication.Sql);

        var diagnostic = SqlServerFailure.Classify(0, Refused, hostNotFound: false).ToDiagnostic(profile);

        Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.SqlServer.UnreachableCode));
        Assert.That(diagnostic.Message, Does.StartWith("cannot connect to SQL Server target 'prod' at db.example.com,1433: no SQL Server accepted"));
        Assert.That(diagnostic.Message, Does.Not.Contain("\n"));
        Assert.That(diagnostic.Hint, Is.Not.Empty);
    }

    [Test]
    public void A_secret_echoed_by_the_driver_is_scrubbed()
    {
        var profile = Profiles.For(SqlServerAuthentication.ActiveDirectoryServicePrincipal);
        var message = $"Failed to authenticate the user with secret {Profiles.ClientSecret} and password {Profiles.Password}";

        var diagnostic = SqlServerFailure.Classify(0, message, hostNotFound: false).ToDiagnostic(profile);

        Assert.That(DiagnosticPrinter.Format(diagnostic), Does.Not.Contain(Profiles.ClientSecret).And.Not.Contain(Profiles.Password));
        Assert.That(diagnostic.Message, Does.Contain("********"));
    }

    [Test]
    public void Login_hints_differ_for_sql_logins_and_directory_identities()
    {
        var sql = SqlServerFailure.Classify(18456, "Login failed for user 'sa'.", false).ToDiagnostic(Profiles.For(SqlServerAuthentication.Sql));
        var msi = SqlServerFailure.Classify(18456, "Login failed for user '<token-identified principal>'.", false)
            .ToDiagnostic(Profiles.For(SqlServerAuthentication.ActiveDirectoryManagedIdentity));

        Assert.That(sql.Hint, Does.Contain("user and password"));
        Assert.That(msi.Hint, Does.Contain("ActiveDirectoryManagedIdentity").And.Contain("FROM EXTERNAL PROVIDER"));
    }
}
