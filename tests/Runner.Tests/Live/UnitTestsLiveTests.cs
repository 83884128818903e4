using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Live;

/// <summary>
/// dbt 1.8 unit tests on a real SQL Server (tests/Runner.Tests/UnitTests on DuckDB): input types
/// from sp_describe_first_result_set on an upstream never built, a pass, a fail with its diff, and a
/// build that skips the model after a failing unit test. Ignored without a server.
/// </summary>
internal sealed class UnitTestsLiveTests : LiveSqlServerTestBase
{
    private TempProject _project = null!;
    private string _schema = null!;

    [SetUp]
    public void Create()
    {
        _schema = UniqueSchema("forge_u");
        _project = new TempProject("shop").WithProjectFile()
            .With("profiles.yml", Server.Profiles("shop", _schema))
            .WithEnvironment("FORGE_LIVE_PASSWORD", Server.Password)
            .With("models/stg_orders.sql", "select cast(1 as int) as order_id, cast('2024-01-01' as date) as ordered_at, cast(2.5 as decimal(9,2)) as amount, cast(1 as bit) as is_paid")
            .With("models/daily.sql", "{{ config(materialized='table') }}\nwith o as (select * from {{ ref('stg_orders') }} where is_paid = 1)\n" +
                "select ordered_at, count(*) as n, sum(amount) as total from o group by ordered_at")
            .With("models/unit_tests.yml", """
                unit_tests:
                  - name: sums_paid_orders_per_day
                    model: daily
                    given:
                      - input: ref('stg_orders')
                        rows:
                          - {order_id: 1, ordered_at: '2024-01-02', amount: 2.5, is_paid: true}
                          - {order_id: 2, ordered_at: '2024-01-02', amount: 1.25, is_paid: true}
                          - {order_id: 3, ordered_at: '2024-01-02', amount: 9, is_paid: false}
                    expect:
                      rows: [{ordered_at: '2024-01-02', n: 2, total: 3.75}]
                  - name: wrong_total
                    model: daily
                    given:
                      - input: ref('stg_orders')
                        rows: [{order_id: 1, ordered_at: '2024-01-02', amount: 2.5, is_paid: true}]
                    expect:
                      rows: [{ordered_at: '2024-01-02', total: 3}]
                """);
    }

    [TearDown]
    public void Delete()
    {
        _project.Dispose();
        Server.DropSchemas(_schema);
    }

    [Test]
    public void Unit_tests_pass_and_fail_on_sql_server_and_a_failure_skips_the_model_in_build()
    {
        var test = _project.Forge("test");
        Assert.That(test.ExitCode, Is.EqualTo(1), test.ToString());
        Assert.That(test.Output, Does.Contain("PASS unit_test daily::sums_paid_orders_per_day"));
        Assert.That(test.Output, Does.Contain("FAIL unit_test daily::wrong_total").And.Contain("[3.00]").And.Contain("[2.50]"));

        var build = _project.Forge("build", "--select", "daily");
        Assert.That(build.Output, Does.Contain("SKIP sql table model"), build.ToString());
    }
}
