using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class SqlServerProfileTests
{
    private static (LoadedProject? Project, IReadOnlyList<ModelForge.Compiler.Diagnostics.Diagnostic> Diagnostics) Load(string output)
    {
        using var dir = new TempProjectDirectory();
        var indented = string.Join("\n", output.Split('\n').Select(l => "      " + l));
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n" + indented + "\n");
        return dir.Load();
    }

    [Test]
    public void Sql_authentication_with_dbt_aliases_and_defaults()
    {
        var (project, diagnostics) = Load("type: sqlserver\nhost: sql.example.com\ndbname: analytics\nusername: loader\npass: hunter2");
        Assert.That(diagnostics, Is.Empty);
        var target = (SqlServerTargetProfile)project!.Target;
        Assert.That(target.Server, Is.EqualTo("sql.example.com"));
        Assert.That(target.Database, Is.EqualTo("analytics"));
        Assert.That(target.User, Is.EqualTo("loader"));
        Assert.That(target.Password, Is.EqualTo("hunter2"));
        Assert.That(target.Port, Is.EqualTo(1433));
        Assert.That(target.Schema, Is.EqualTo("dbo"));
        Assert.That(target.Authentication, Is.EqualTo(SqlServerAuthentication.Sql));
        Assert.That(target.Encrypt, Is.True);
        Assert.That(target.TrustCert, Is.False);
        Assert.That(target.Retries, Is.EqualTo(1));
        Assert.That(target.Threads, Is.EqualTo(1));
    }

    [Test]
    public void Every_field_is_read()
    {
        var (project, diagnostics) = Load("""
            type: sqlserver
            server: sql.example.com
            port: 1444
            database: analytics
            schema: marts
            authentication: activedirectoryserviceprincipal
            client_id: app-id
            client_secret: app-secret
            tenant_id: tenant
            encrypt: false
            trust_cert: true
            login_timeout: 30
            query_timeout: 600
            retries: 3
            threads: 8
            """);
        Assert.That(diagnostics, Is.Empty);
        var target = (SqlServerTargetProfile)project!.Target;
        Assert.That(target.Port, Is.EqualTo(1444));
        Assert.That(target.Schema, Is.EqualTo("marts"));
        Assert.That(target.Authentication, Is.EqualTo(SqlServerAuthentication.ActiveDirectoryServicePrincipal));
        Assert.That((target.ClientId, target.ClientSecret, target.TenantId), Is.EqualTo(("app-id", "app-secret", "tenant")));
        Assert.That((target.Encrypt, target.TrustCert), Is.EqualTo((false, true)));
        Assert.That((target.LoginTimeout, target.QueryTimeout, target.Retries, target.Threads), Is.EqualTo((30, 600, 3, 8)));
    }

    [Test]
    public void Secrets_stay_out_of_ToString()
    {
        var (project, _) = Load("type: sqlserver\nserver: s\ndatabase: d\nuser: u\npassword: hunter2\nclient_secret: topsecret");
        var text = project!.Target.ToString();
        Assert.That(text, Does.Not.Contain("hunter2").And.Not.Contain("topsecret"));
        Assert.That(text, Does.Contain("Server = s"));
    }

    [Test]
    public void Windows_login_flag_selects_windows_authentication()
    {
        var (project, diagnostics) = Load("type: sqlserver\nserver: s\ndatabase: d\nwindows_login: true");
        Assert.That(diagnostics, Is.Empty);
        Assert.That(((SqlServerTargetProfile)project!.Target).Authentication, Is.EqualTo(SqlServerAuthentication.Windows));
    }

    [Test]
    public void Missing_required_fields_are_errors_at_the_target()
    {
        var (project, diagnostics) = Load("type: sqlserver\nuser: u");
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Select(d => d.ToString()), Is.EquivalentTo(new[]
        {
            "profiles.yml:4:5: error MF1011: target 'dev' (sqlserver) has no 'server'",
            "profiles.yml:4:5: error MF1011: target 'dev' (sqlserver) has no 'database'",
            "profiles.yml:4:5: error MF1011: target 'dev' (sqlserver) has no 'password'",
        }));
        Assert.That(diagnostics.Single(d => d.Message.Contains("'password'")).Hint, Does.Contain("env_var('MSSQL_PASSWORD')"));
    }

    [Test]
    public void A_password_that_renders_empty_loads_so_that_compile_needs_no_secrets()
    {
        var (project, diagnostics) = Load("type: sqlserver\nserver: s\ndatabase: d\nuser: u\npassword: ''");
        Assert.That(diagnostics, Is.Empty);
        Assert.That(((SqlServerTargetProfile)project!.Target).Password, Is.Empty);
    }

    [Test]
    public void Service_principal_needs_its_credentials()
    {
        var (_, diagnostics) = Load("type: sqlserver\nserver: s\ndatabase: d\nauthentication: ActiveDirectoryServicePrincipal\nclient_id: x");
        Assert.That(diagnostics.Select(d => d.Message), Is.EquivalentTo(new[]
        {
            "target 'dev' (sqlserver) has no 'client_secret'",
            "target 'dev' (sqlserver) has no 'tenant_id'",
        }));
    }

    [Test]
    public void Unknown_authentication_suggests_the_nearest()
    {
        var (project, diagnostics) = Load("type: sqlserver\nserver: s\ndatabase: d\nauthentication: ActiveDirectoryDefualt");
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("profiles.yml:8:23: error MF1013: unknown SQL Server authentication 'ActiveDirectoryDefualt'"));
        Assert.That(d.Hint, Does.StartWith("did you mean 'ActiveDirectoryDefault'? valid values: sql, ActiveDirectoryDefault"));
    }

    [Test]
    public void A_port_that_is_not_a_number_is_an_error()
    {
        var (project, diagnostics) = Load("type: sqlserver\nserver: s\ndatabase: d\nuser: u\npassword: p\nport: abc");
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("profiles.yml:10:13: error MF1003: 'port' must be an integer, not a string"));
    }
}
