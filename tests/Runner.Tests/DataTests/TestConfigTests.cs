using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.DataTests;

public sealed class TestConfigTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = DataTestProject.Create()
        .With("models/events.sql", "select range as id, case when range % 10 = 0 then null else range end as value from range(100)");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private ForgeResult BuildWithTest(string test) =>
        _project.WithSchema($"  - name: events\n    columns:\n      - name: value\n        data_tests:\n{test}").Forge("build");

    [Test]
    public void Warn_severity_reports_warn_and_exits_zero()
    {
        var result = BuildWithTest("          - not_null:\n              config:\n                severity: warn\n");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(DataTestProject.Result(_project, "not_null_events_value"), Is.EqualTo(("warn", (long?)10, "Got 10 results, configured to warn if != 0")));
        Assert.That(result.Output, Does.Contain("[WARN 10 in "));
        Assert.That(result.Output, Does.Contain("Completed with warnings:"));
    }

    [Test]
    public void Error_severity_fails_and_exits_one()
    {
        var result = BuildWithTest("          - not_null\n");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(DataTestProject.Result(_project, "not_null_events_value").Status, Is.EqualTo("fail"));
        Assert.That(result.Output, Does.Contain("[FAIL 10 in "));
    }

    [TestCase(">20", ">5", "warn")]
    [TestCase(">5", ">20", "fail")]
    [TestCase(">20", ">50", "pass")]
    public void Warn_if_and_error_if_set_the_thresholds(string errorIf, string warnIf, string expected)
    {
        BuildWithTest($"          - not_null:\n              config:\n                error_if: \"{errorIf}\"\n                warn_if: \"{warnIf}\"\n");

        Assert.That(DataTestProject.Result(_project, "not_null_events_value").Status, Is.EqualTo(expected));
    }

    [Test]
    public void A_threshold_that_is_not_a_comparison_is_an_error_naming_the_setting()
    {
        var result = BuildWithTest("          - not_null:\n              config:\n                error_if: \"10\"\n");

        Assert.That(DataTestProject.Result(_project, "not_null_events_value").Status, Is.EqualTo("error"));
        Assert.That(result.Output, Does.Contain("error MF5101: test 'not_null_events_value' has error_if: '10', which is not a comparison"));
    }

    [Test]
    public void Where_filters_the_tested_model()
    {
        BuildWithTest("          - not_null:\n              config:\n                where: \"id >= 50\"\n");

        Assert.That(DataTestProject.Result(_project, "not_null_events_value").Failures, Is.EqualTo(5));
        Assert.That(_project.Read("target/compiled/shop/models/_schema.yml/not_null_events_value.sql"),
            Does.Contain("from (select * from \"shop\".\"main\".\"events\" where id >= 50) dbt_subquery"));
    }

    [Test]
    public void Limit_caps_the_failing_rows_counted()
    {
        BuildWithTest("          - not_null:\n              limit: 3\n");

        Assert.That(DataTestProject.Result(_project, "not_null_events_value").Failures, Is.EqualTo(3));
    }

    [Test]
    public void Store_failures_writes_the_failing_rows_to_the_audit_schema_and_names_the_table()
    {
        var result = BuildWithTest("          - not_null:\n              config:\n                store_failures: true\n");

        var table = "\"shop\".\"main_dbt_test__audit\".\"not_null_events_value\"";
        Assert.That(result.Output, Does.Contain($"failing rows stored in {table}"));
        Assert.That(Database.Scalar(_project.DatabasePath, $"select count(*) from {table} where value is null"), Is.EqualTo(10L));
        // The whole row is kept, so a failure can be traced back.
        Assert.That(Database.Scalar(_project.DatabasePath, $"select min(id) from {table}"), Is.EqualTo(0L));
    }

    [Test]
    public void The_store_failures_flag_keeps_the_failing_rows_of_tests_without_their_own_setting()
    {
        _project.WithSchema("  - name: events\n    columns:\n      - name: value\n        data_tests: [not_null]\n      - name: id\n        data_tests:\n          - not_null:\n              config:\n                store_failures: false\n");

        var result = _project.Forge("build", "--store-failures");

        var table = "\"shop\".\"main_dbt_test__audit\".\"not_null_events_value\"";
        Assert.That(result.Output, Does.Contain($"failing rows stored in {table}"), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath, $"select count(*) from {table}"), Is.EqualTo(10L));
        // store_failures: false on the test wins over the flag.
        Assert.That(Database.Scalar(_project.DatabasePath,
            "select count(*) from information_schema.tables where table_schema = 'main_dbt_test__audit' and table_name = 'not_null_events_id'"), Is.EqualTo(0L));
    }

    [Test]
    public void The_store_failures_environment_variable_acts_as_the_flag()
    {
        _project.WithEnvironment("DBT_STORE_FAILURES", "true");

        var result = BuildWithTest("          - not_null\n");

        Assert.That(result.Output, Does.Contain("failing rows stored in \"shop\".\"main_dbt_test__audit\".\"not_null_events_value\""), result.ToString());
    }

    [Test]
    public void Store_failures_as_view_keeps_the_failing_rows_in_a_view_replaced_each_run()
    {
        BuildWithTest("          - not_null:\n              config:\n                store_failures_as: view\n");
        var result = _project.Forge("test");

        Assert.That(result.Output, Does.Contain("failing rows stored in \"shop\".\"main_dbt_test__audit\".\"not_null_events_value\""), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath,
            "select table_type from information_schema.tables where table_schema = 'main_dbt_test__audit' and table_name = 'not_null_events_value'"), Is.EqualTo("VIEW"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from \"shop\".\"main_dbt_test__audit\".\"not_null_events_value\""), Is.EqualTo(10L));
    }

    [Test]
    public void Store_failures_as_ephemeral_keeps_nothing_even_with_store_failures()
    {
        var result = BuildWithTest("          - not_null:\n              config:\n                store_failures: true\n                store_failures_as: ephemeral\n");

        Assert.That(result.Output, Does.Not.Contain("failing rows stored"));
        Assert.That(DataTestProject.Result(_project, "not_null_events_value").Failures, Is.EqualTo(10));
        Assert.That(Database.Scalar(_project.DatabasePath,
            "select count(*) from information_schema.tables where table_schema = 'main_dbt_test__audit'"), Is.EqualTo(0L));
    }

    [Test]
    public void Project_level_store_failures_as_and_schema_apply_to_every_test()
    {
        _project.WithProjectFile("test-paths: [\"tests\"]\ndata_tests:\n  +store_failures_as: view\n  +schema: failures\n");

        var result = BuildWithTest("          - not_null\n");

        Assert.That(result.Output, Does.Contain("failing rows stored in \"shop\".\"main_failures\".\"not_null_events_value\""), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath,
            "select table_type from information_schema.tables where table_schema = 'main_failures' and table_name = 'not_null_events_value'"), Is.EqualTo("VIEW"));
    }

    [Test]
    public void An_unknown_store_failures_as_is_an_error_naming_the_setting()
    {
        var result = BuildWithTest("          - not_null:\n              config:\n                store_failures_as: tabel\n");

        Assert.That(DataTestProject.Result(_project, "not_null_events_value").Status, Is.EqualTo("error"));
        Assert.That(result.Output, Does.Contain("error MF6140: test 'not_null_events_value' has store_failures_as: 'tabel', which is not table, view or ephemeral"));
    }

    [Test]
    public void Disabled_tests_do_not_run_and_tags_select_tests()
    {
        _project.WithSchema("""
              - name: events
                columns:
                  - name: id
                    data_tests:
                      - unique:
                          config:
                            tags: [nightly]
                      - not_null:
                          config:
                            enabled: false
                  - name: value
                    data_tests: [not_null]
            """);
        _project.Forge("run");

        var result = _project.Forge("test", "--select", "tag:nightly");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(DataTestProject.Results(_project).Keys, Is.EquivalentTo(new[] { "test.shop.unique_events_id" }));
    }
}
