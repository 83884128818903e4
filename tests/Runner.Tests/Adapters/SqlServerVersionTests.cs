using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Adapters;

/// <summary>`sql_server_version` in profiles.yml picks the ScriptDom grammar `forge compile` checks models with (no server needed).</summary>
public sealed class SqlServerVersionTests
{
    private static TempProject Project(string? version, string model)
    {
        var versionLine = version is null ? "" : $"\n      sql_server_version: {version}";
        return new TempProject("shop").WithProjectFile()
            .With("profiles.yml", $"""
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: sqlserver
                      server: localhost
                      database: warehouse
                      schema: analytics
                      user: forge
                      password: not-used{versionLine}
                """)
            .With("models/orders.sql", model);
    }

    private const string DistinctFrom = "select\n    id\nfrom raw.orders\nwhere status is distinct from 'shipped'\n";

    private const string WindowClause = "select\n    id,\n    sum(amount) over w as running\nfrom raw.orders\nwindow w as (order by id)\n";

    [TestCase(DistinctFrom)]
    [TestCase(WindowClause)]
    public void SQL_Server_2022_syntax_validates_when_no_version_is_set(string model)
    {
        using var project = Project(null, model);
        var result = project.Forge("compile");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }

    [TestCase("2022")]
    [TestCase("2025")]
    [TestCase("azure")]
    [TestCase("Azure")]
    public void Is_distinct_from_validates_on_2022_and_newer(string version)
    {
        using var project = Project(version, DistinctFrom);
        var result = project.Forge("compile");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }

    [Test]
    public void Is_distinct_from_is_rejected_on_2019_at_the_models_line_naming_the_grammar()
    {
        using var project = Project("2019", DistinctFrom);
        var result = project.Forge("compile");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/orders.sql:4:").And.Contain("error MF4001: T-SQL syntax error"), result.ToString());
        Assert.That(result.Error, Does.Contain("SQL Server (T-SQL 2019 grammar) would reject the model"), result.ToString());
    }

    [Test]
    public void A_named_window_is_rejected_on_2019_at_its_first_use()
    {
        using var project = Project("2019", WindowClause);
        var result = project.Forge("compile");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/orders.sql:3:17: error MF4001"), result.ToString());
        Assert.That(result.Error, Does.Contain("T-SQL 2019 grammar"), result.ToString());
    }

    [Test]
    public void A_model_valid_on_every_version_compiles_on_2016_and_on_fabric()
    {
        foreach (var version in new[] { "2016", "fabric" })
        {
            using var project = Project(version, "select id, amount from raw.orders\n");
            var result = project.Forge("compile");
            Assert.That(result.ExitCode, Is.EqualTo(0), version + "\n" + result);
        }
    }

    [Test]
    public void An_unknown_version_is_an_error_at_the_key_with_a_suggestion()
    {
        using var project = Project("2021", "select 1 as id\n");
        var result = project.Forge("compile");
        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
        Assert.That(result.Error, Does.Contain("profiles.yml:11:27: error MF1060: unknown sql_server_version '2021'"), result.ToString());
        Assert.That(result.Error, Does.Contain("did you mean '2022'?"), result.ToString());
    }

    [Test]
    public void A_Fabric_target_compiles_but_is_refused_before_anything_runs()
    {
        using var project = Project("fabric", "select id from raw.orders\n");
        Assert.That(project.Forge("compile").ExitCode, Is.EqualTo(0));

        var result = project.Forge("run");

        Assert.That(result.All, Does.Contain("error MF1061: target 'dev' is a Fabric Warehouse"), result.ToString());
        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
    }
}
