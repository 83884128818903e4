using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

public sealed class RunOperationCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/orders.sql", "select 1 as order_id")
        .With("macros/make_audit.sql", """
            {% macro make_audit(table_name, rows=1) %}
              {% do run_query('create table ' ~ table_name ~ ' as select range as n from range(' ~ rows ~ ')') %}
              {% set counted = run_query('select count(*) from ' ~ table_name).columns[0].values()[0] %}
              {{ log('made ' ~ table_name ~ ' with ' ~ counted ~ ' rows', info=True) }}
            {% endmacro %}
            """)
        .With("macros/refuse.sql", """
            {% macro refuse() %}
              {{ exceptions.raise_compiler_error('not today') }}
            {% endmacro %}
            """);

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Runs_the_macro_with_a_live_connection_and_prints_its_log()
    {
        var result = _project.Forge("run-operation", "make_audit", "--args", "{table_name: audit_log, rows: 3}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("made audit_log with 3 rows"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from main.audit_log"), Is.EqualTo(3L));
    }

    [Test]
    public void Json_args_and_a_package_qualified_name_work_too()
    {
        var result = _project.Forge("run-operation", "shop.make_audit", "--args", """{"table_name": "audit_json"}""");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from main.audit_json"), Is.EqualTo(1L));
    }

    [Test]
    public void A_raising_macro_exits_1_with_the_message_at_the_macro_position()
    {
        var result = _project.Forge("run-operation", "refuse");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("macros/refuse.sql:2:").And.Contain("not today").And.Contain("operation 'refuse'"));
        Assert.That(result.All, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void An_unknown_macro_exits_2_with_a_did_you_mean_hint()
    {
        var result = _project.Forge("run-operation", "make_adit");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("MF6130").And.Contain("did you mean 'make_audit'?"));
    }

    [Test]
    public void Args_that_are_not_a_mapping_exit_2()
    {
        var result = _project.Forge("run-operation", "make_audit", "--args", "[1, 2]");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--args:1:1: error MF6131").And.Contain("invalid --args"));
    }
}
