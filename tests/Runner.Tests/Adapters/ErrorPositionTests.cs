using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Compiler.Templating;
using ModelForge.Runner.Connections.Adapters;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Adapters;

/// <summary>
/// A warehouse's error position goes back to the model's template line through the source map:
/// DuckDB gives a character offset, SQL Server only the line of the batch (SqlException.LineNumber).
/// </summary>
public sealed class ErrorPositionTests
{
    private static readonly TemplateEngine Engine = new();

    // Three template lines render to one; the bad column is on template line 5.
    private const string Model = "{#- a comment\n   over two lines -#}\n{% set cols = ['id', 'amount'] %}\nselect {% for c in cols %}{{ c }}, {% endfor %}\n    no_such_column\nfrom raw.orders\n";

    private static RenderResult Render()
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText("models/orders.sql", Model), bag);
        Assert.That(bag.ToList(), Is.Empty);
        return Engine.Render(template, new TemplateContext(new Dictionary<string, object?>()));
    }

    [Test]
    public void A_SQL_Server_error_line_inside_the_wrapping_DDL_maps_to_the_models_own_line()
    {
        var rendered = Render();
        var sql = rendered.Text;
        // The statement SQL Server runs: the model inside ModelForge's dynamic-SQL view DDL.
        var statement = SqlServerSql.Instance.CreateView("warehouse", "analytics", "orders", sql);
        var statementLine = statement[..statement.IndexOf("no_such_column", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.That(statementLine, Is.GreaterThan(2), "the DDL before the model shifts the line");

        var span = ErrorPositions.Find(new WarehouseError(WarehouseErrorKind.Other, Line: statementLine), statement, sql, rendered.Map.Find);

        Assert.That(span?.ToString(), Is.EqualTo("models/orders.sql:5:5"));
    }

    [Test]
    public void A_SQL_Server_error_line_maps_through_dynamic_SQL_that_doubled_the_models_quotes()
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText("models/shipped.sql", "{% set s = 'shipped' %}\nselect id\nfrom raw.orders\nwhere status = '{{ s }}'\n  and no_such_column = 1\n"), bag);
        var rendered = Engine.Render(template, new TemplateContext(new Dictionary<string, object?>()));
        var sql = rendered.Text;
        var statement = SqlServerSql.Instance.CreateView(null, "analytics", "shipped", sql);
        Assert.That(statement, Does.Not.Contain(sql).And.Contain("''shipped''"));
        var statementLine = statement[..statement.IndexOf("no_such_column", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var span = ErrorPositions.Find(new WarehouseError(WarehouseErrorKind.Other, Line: statementLine), statement, sql, rendered.Map.Find);

        Assert.That(span?.ToString(), Is.EqualTo("models/shipped.sql:5:3"));
    }

    [Test]
    public void A_SQL_Server_error_line_outside_the_model_maps_to_nothing()
    {
        var rendered = Render();
        var statement = "SET XACT_ABORT ON\n" + new string('\n', 3) + "select 1";
        var span = ErrorPositions.Find(new WarehouseError(WarehouseErrorKind.Other, Line: 2), statement, rendered.Text, rendered.Map.Find);
        Assert.That(span, Is.Null);
    }

    [Test]
    public void A_real_DuckDB_error_offset_maps_to_the_models_line_and_column()
    {
        var rendered = Render();
        var sql = rendered.Text;
        var statement = "create or replace view \"main\".\"orders\" as (\n" + sql + "\n)";
        using var connection = OpenMemory();
        Run(connection, "create schema raw; create table raw.orders (id integer, amount integer)");

        var error = Assert.Throws(Is.InstanceOf<DbException>(), () => Run(connection, statement))!;

        Assert.That(RunnerAdapters.Classify(error).Kind, Is.EqualTo(WarehouseErrorKind.Other));
        var span = ErrorPositions.Find(error, statement, sql, rendered.Map.Find);
        Assert.That(span?.ToString(), Is.EqualTo("models/orders.sql:5:5"));
    }

    [Test]
    public void A_real_DuckDB_not_null_failure_is_classified_as_a_constraint_violation()
    {
        using var connection = OpenMemory();
        Run(connection, "create table t (id integer not null)");

        var error = Assert.Throws(Is.InstanceOf<DbException>(), () => Run(connection, "insert into t values (null)"))!;

        Assert.That(RunnerAdapters.Classify(error).Kind, Is.EqualTo(WarehouseErrorKind.ConstraintViolation));
    }

    private static DbConnection OpenMemory() =>
        DuckDbRunnerAdapter.Instance.Open(new DuckDbTargetProfile { Name = "dev", Schema = "main", Path = ":memory:" });

    private static void Run(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [TestCase(515, "ConstraintViolation")]
    [TestCase(2627, "ConstraintViolation")]
    [TestCase(1205, "Lock")]
    [TestCase(1222, "Lock")]
    [TestCase(40613, "Transient")]
    [TestCase(207, "Other")]
    public void SQL_Server_error_numbers_are_classified(int number, string kind)
    {
        Assert.That(SqlServerRunnerAdapter.Classify([number]).ToString(), Is.EqualTo(kind));
    }

    [Test]
    public void An_exception_no_warehouse_raised_is_other_without_a_position()
    {
        Assert.That(RunnerAdapters.Classify(new InvalidOperationException("x")), Is.EqualTo(new WarehouseError(WarehouseErrorKind.Other)));
    }
}
