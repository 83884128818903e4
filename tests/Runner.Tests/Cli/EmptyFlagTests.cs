using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

/// <summary>`--empty` (dbt 1.8): refs and sources read no rows, so relations are built with their columns only.</summary>
public sealed class EmptyFlagTests
{
    private static TempProject DuckDbProject() => new TempProject("shop")
        .WithProjectFile()
        .With("seeds/people.csv", "id,name\n1,Ada\n2,Grace\n")
        .With("models/sources.yml", """
            version: 2
            sources:
              - name: raw
                schema: main
                tables:
                  - name: people
            """)
        .With("models/stg_people.sql", "select id, name, 42 as answer from {{ source('raw', 'people') }}")
        .With("models/people_wide.sql", """
            {{ config(materialized='table') }}
            select p.id, upper(p.name) as shout, p.answer from {{ ref('stg_people') }} as p
            """);

    [Test]
    public void Run_empty_builds_every_model_with_its_columns_and_no_rows()
    {
        using var project = DuckDbProject();
        Assert.That(project.Forge("seed").ExitCode, Is.EqualTo(0));

        var result = project.Forge("run", "--empty");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(project.DatabasePath, "select count(*) from main.people_wide"), Is.EqualTo(0L));
        Assert.That(Database.Query(project.DatabasePath,
                "select column_name from information_schema.columns where table_name = 'people_wide' order by ordinal_position").Select(r => r[0]),
            Is.EqualTo(new[] { "id", "shout", "answer" }));
        Assert.That(project.Read("target/run/shop/models/people_wide.sql"), Does.Contain("where false limit 0"));
    }

    [Test]
    public void Without_empty_the_same_run_reads_the_rows()
    {
        using var project = DuckDbProject();
        Assert.That(project.Forge("seed").ExitCode, Is.EqualTo(0));

        Assert.That(project.Forge("run").ExitCode, Is.EqualTo(0));

        Assert.That(Database.Scalar(project.DatabasePath, "select count(*) from main.people_wide"), Is.EqualTo(2L));
    }

    [Test]
    public void DBT_EMPTY_in_the_environment_turns_it_on_for_build()
    {
        using var project = DuckDbProject().WithEnvironment("DBT_EMPTY", "true");

        var result = project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(project.DatabasePath, "select count(*) from main.people"), Is.EqualTo(2L), "seeds still load");
        Assert.That(Database.Scalar(project.DatabasePath, "select count(*) from main.people_wide"), Is.EqualTo(0L));
    }

    [Test]
    public void On_SQL_Server_compile_empty_writes_an_aliased_top_0_derived_table_that_ScriptDom_parses()
    {
        using var project = new TempProject("fixture").WithProjectFile()
            .WithRecordingSqlServerProfile()
            .With("models/stg_orders.sql", "select 1 as id, 10 as amount")
            .With("models/orders.sql", "{{ config(materialized='table') }}\nselect id, amount from {{ ref('stg_orders') }}");

        var result = project.Forge("compile", "--empty");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var sql = project.Read("target/compiled/fixture/models/orders.sql");
        Assert.That(sql, Does.Contain("(select top (0) * from [warehouse].[analytics].[stg_orders]) _dbt_limit_subq_stg_orders"));
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
    }

    [Test]
    public void On_SQL_Server_an_aliased_ref_under_empty_keeps_only_the_models_alias()
    {
        using var project = new TempProject("fixture").WithProjectFile()
            .WithRecordingSqlServerProfile()
            .With("models/stg_orders.sql", "select 1 as id, 10 as amount")
            .With("models/customers.sql", "select 1 as id")
            .With("models/orders.sql", "{{ config(materialized='table') }}\n" +
                "select o.id, o.amount from {{ ref('stg_orders') }} o join {{ ref('customers') }} as c on c.id = o.id where o.id in (select id from {{ ref('customers') }})");

        var result = project.Forge("compile", "--empty");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var sql = project.Read("target/compiled/fixture/models/orders.sql");
        Assert.That(sql, Does.Contain("[stg_orders])").And.Contain(" o join (select top (0) * from [warehouse].[analytics].[customers])"));
        Assert.That(sql, Does.Not.Contain("_dbt_limit_subq_stg_orders"), "the model names the ref itself: one alias only");
        Assert.That(sql, Does.Contain("[customers]) _dbt_limit_subq_customers)"), "an unaliased ref keeps the generated alias");
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
    }
}
