using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>`forge run --target sqlserver` with no server: the exact statements, kept as golden files.</summary>
public sealed class SqlServerRunTests
{
    private const string Profiles = """
        fixture:
          target: sqlserver
          outputs:
            sqlserver:
              type: sqlserver
              server: localhost
              database: warehouse
              schema: analytics
              authentication: sql
              user: forge
              password: "{{ env_var('FIXTURE_PASSWORD') }}"
              threads: 1
        """;

    private static TempProject Fixture() => new TempProject("fixture").WithProjectFile()
        .With("profiles.yml", Profiles)
        .WithEnvironment("FIXTURE_PASSWORD", "not-used")
        .With("models/stg_orders.sql", """
            select 1 as id, 10 as customer_id, cast(2.50 as decimal(10, 2)) as amount, 'it''s' as note
            """)
        .With("models/orders.sql", """
            {{ config(materialized='table', as_columnstore=true, indexes=[{'columns': ['customer_id'], 'include': ['amount']}]) }}
            with o as (
                select * from {{ ref('stg_orders') }}
            )
            select * from o
            """)
        .With("models/customers.sql", """
            {{ config(materialized='table', indexes=[{'columns': ['customer_id'], 'unique': true, 'type': 'clustered'}]) }}
            select customer_id, {{ listagg('note', "', '", 'order by note') }} as notes, {{ bool_or('amount > 2') }} as any_large
            from {{ ref('orders') }}
            group by customer_id
            """)
        .With("models/customer_view.sql", """
            select customer_id, {{ concat(['cast(customer_id as ' ~ type_string() ~ ')', "'-'", 'notes']) }} as label,
                {{ dateadd('day', 7, current_timestamp()) }} as due_at
            from {{ ref('customers') }}
            """)
        .With("models/marts/customer_days.sql", """
            {{ config(schema='marts', materialized='table') }}
            select customer_id, {{ date_trunc('week', 'due_at') }} as due_week, {{ last_day('due_at', 'month') }} as month_end
            from {{ ref('customer_view') }}
            """);

    [Test]
    public void A_run_of_every_materialization_sends_these_statements()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        // customers exists as a table (swap, backup, refresh of views); customer_view is a table becoming a view.
        run.Existing[("analytics", "customers")] = "table";
        run.Existing[("analytics", "customer_view")] = "table";

        var result = run.Forge(project, "run", "--target", "sqlserver", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        GoldenFile.Verify("tests/Golden/SqlServer/run-fixture.verified.sql", run.Log.ToScript());
        run.AssertEveryStatementParses();
    }

    [Test]
    public void Data_tests_send_TSql_with_CTEs_hoisted_above_the_wrapper_and_TOP_for_limits()
    {
        using var project = Fixture()
            .With("models/schema.yml", """
                models:
                  - name: orders
                    columns:
                      - name: id
                        data_tests:
                          - unique
                          - not_null
                      - name: note
                        data_tests:
                          - accepted_values:
                              values: ["it's", 'other']
                      - name: customer_id
                        data_tests:
                          - relationships:
                              to: ref('customers')
                              field: customer_id
                              config:
                                limit: 10
                                store_failures: true
                """)
            .With("tests/orders_have_amounts.sql", """
                -- Every order has a positive amount.
                with bad as (
                    select * from {{ ref('orders') }} where amount <= 0
                )
                select * from bad
                """);
        var run = new RecordedRun();

        var result = run.Forge(project, "test", "--target", "sqlserver", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        GoldenFile.Verify("tests/Golden/SqlServer/test-fixture.verified.sql", run.Log.ToScript());
        run.AssertEveryStatementParses();
        Assert.That(run.Log.ToScript(), Does.Not.Contain("limit 10"));
    }

    [Test]
    public void Every_statement_of_the_run_log_is_valid_TSql_as_one_script()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        run.Forge(project, "run", "--target", "sqlserver", "--threads", "1");
        Assert.That(Compiler.Analysis.TSql.TSqlParsing.Errors(run.Log.ToScript()), Is.Empty);
    }

    [Test]
    public void A_syntax_error_stops_the_model_before_any_statement_is_sent_for_it()
    {
        using var project = Fixture().With("models/broken.sql", "select\n    id,,\nfrom {{ ref('stg_orders') }}\n");
        var run = new RecordedRun();

        var result = run.Forge(project, "run", "--target", "sqlserver", "--threads", "1", "--select", "broken");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.All, Does.Contain("models/broken.sql:2:8: error MF4001"));
        Assert.That(run.Log.Statements.Where(s => s.Contains("broken", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Compile_reports_a_seeded_syntax_error_at_the_model_line_with_no_server()
    {
        using var project = Fixture().With("models/broken.sql", "{% set n = 2 %}\nselect\n    id,\n    {{ n }} +* 3 as x\nfrom {{ ref('stg_orders') }}\n");
        var run = new RecordedRun();

        var result = run.Forge(project, "compile", "--target", "sqlserver");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/broken.sql:4:"));
        Assert.That(result.Error, Does.Contain("error MF4001: T-SQL syntax error"));
        Assert.That(result.Output, Does.Contain("Compiled 5 of 6 nodes"));
        Assert.That(run.Log.Statements, Is.Empty, "compile opens no connection");
    }

    [Test]
    public void A_syntax_error_inside_an_inlined_ephemeral_model_points_at_the_ephemeral_file()
    {
        using var project = Fixture()
            .With("models/base.sql", "{{ config(materialized='ephemeral') }}\nselect\n    id,\n    2 +* 3 as x\nfrom {{ ref('stg_orders') }}\n")
            .With("models/reader.sql", "select id, x\nfrom {{ ref('base') }}\n");

        var result = project.Forge("compile", "--target", "sqlserver");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/base.sql:4:").And.Contain("error MF4001"));
        Assert.That(result.Error, Does.Not.Contain("models/reader.sql:"), "the reader inlines base; the error is in base");
    }

    [Test]
    public void Compile_explains_ORDER_BY_without_TOP()
    {
        using var project = Fixture().With("models/sorted.sql", "select id\nfrom {{ ref('stg_orders') }}\norder by id\n");

        var result = project.Forge("compile", "--target", "sqlserver");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/sorted.sql:3:1: error MF4002: ORDER BY without TOP or OFFSET"));
    }
}
