using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.UnitTests;

/// <summary>
/// `forge compile` writes a unit test's SQL to target/compiled, as dbt does, when the project
/// declares its inputs' column types (a source's data_types, a seed, sql rows); otherwise it says
/// the test is skipped and still succeeds: a compile never needs the warehouse.
/// </summary>
internal sealed class UnitTestCompileTests
{
    private const string UnitTests = """
        unit_tests:
          - name: renames_columns
            model: stg_customers
            given:
              - input: source('ecom', 'raw_customers')
                rows: [{id: 1, name: Gerda}]
            expect:
              rows: [{customer_id: 1, first_name: Gerda}]
          - name: counts_orders
            model: order_counts
            given:
              - input: ref('stg_orders')
                rows: [{order_id: 1}]
            expect:
              rows: [{orders: 1}]
        """;

    private static TempProject Project(string name) => new TempProject(name).WithProjectFile()
        .With("models/sources.yml", "sources:\n  - name: ecom\n    schema: raw\n    tables:\n      - name: raw_customers\n        columns:\n"
            + "          - {name: id, data_type: integer}\n          - {name: name, data_type: varchar(50)}\n")
        .With("models/stg_customers.sql", "select id as customer_id, name as first_name from {{ source('ecom', 'raw_customers') }}")
        .With("models/stg_orders.sql", "select 1 as order_id")
        .With("models/order_counts.sql", "select count(*) as orders from {{ ref('stg_orders') }}")
        .With("models/unit_tests.yml", UnitTests);

    [Test]
    public void Compile_writes_the_sql_of_a_unit_test_with_declared_input_types_and_skips_the_other()
    {
        using var project = Project("shop");

        var result = project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var sql = project.Read(CompiledFile(project, "renames_columns"));
        Assert.That(sql, Does.Contain("Gerda").And.Not.Contain("{{"));
        Assert.That(Database.Scalar(project.DatabasePath, $"select first_name from ({sql.Trim()}) as t"), Is.EqualTo("Gerda"),
            "the compiled SQL runs on an empty database");
        Assert.That(result.Output, Does.Contain("Skipped unit test counts_orders: the column types of ref('stg_orders') come from the warehouse"));
        Assert.That(Directory.GetFiles(Path.Combine(project.Root, "target/compiled"), "counts_orders*.sql", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void On_SQL_Server_with_no_server_compile_writes_unit_test_sql_that_ScriptDom_parses()
    {
        using var project = Project("shop").WithRecordingSqlServerProfile();

        var result = project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var sql = project.Read(CompiledFile(project, "renames_columns"));
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
        Assert.That(result.Output, Does.Contain("Skipped unit test counts_orders"));
    }

    [Test]
    public void A_given_column_the_source_does_not_declare_fails_the_compile_at_the_yaml()
    {
        using var project = Project("shop").With("models/unit_tests.yml", UnitTests.Replace("{id: 1, name: Gerda}", "{id: 1, nmae: Gerda}"));

        var result = project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/unit_tests.yml:").And.Contain("nmae").And.Contain("name"));
    }

    private static string CompiledFile(TempProject project, string test)
    {
        var file = Directory.GetFiles(Path.Combine(project.Root, "target/compiled"), test + "*.sql", SearchOption.AllDirectories).Single();
        return Path.GetRelativePath(project.Root, file);
    }
}
