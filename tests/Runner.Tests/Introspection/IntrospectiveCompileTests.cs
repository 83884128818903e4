using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Introspection;

/// <summary>
/// `forge compile` connects as dbt's does when a template queries (run_query, statement,
/// adapter.get_relation), and only then: a project that never queries opens no connection.
/// </summary>
public sealed class IntrospectiveCompileTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("intro")
        .WithProjectFile()
        .With("models/plain.sql", "select 1 as id");

    [TearDown]
    public void TearDown() => _project.Dispose();

    /// <summary>A DuckDB path under a regular file: the folder cannot be created, so the database cannot open.</summary>
    private void PointTheTargetAtAnUnopenableDatabase() => _project
        .With("blocker", "a file where the database's folder should be")
        .With("profiles.yml", "intro:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: blocker/intro.duckdb\n");

    [Test]
    public void Compile_writes_what_run_query_returned_into_the_compiled_sql()
    {
        _project.With("models/answer.sql",
            "{% set r = run_query('select 40 + 2 as answer') %}\n" +
            "select {{ r.columns[0].values()[0] if execute else 0 }} as answer");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/intro/models/answer.sql"), Does.Contain("select 42 as answer"));
    }

    [Test]
    public void Compile_runs_statement_blocks_and_load_result_sees_their_rows()
    {
        _project.With("models/listed.sql",
            "{% call statement('colours', fetch_result=True) %}select 'red' as c union all select 'blue' order by c{% endcall %}\n" +
            "{% if execute %}{% set colours = load_result('colours')['data'] | map(attribute=0) | list %}{% else %}{% set colours = [] %}{% endif %}\n" +
            "select '{{ colours | join(\",\") }}' as colours");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/intro/models/listed.sql"), Does.Contain("select 'blue,red' as colours"));
    }

    [Test]
    public void Compile_reads_relations_that_an_earlier_run_built()
    {
        _project.With("models/columns_of_plain.sql",
            "{% set rel = adapter.get_relation(database=none, schema='main', identifier='plain') %}\n" +
            "select '{{ (adapter.get_columns_in_relation(rel) | map(attribute=\"name\") | join(\",\")) if rel else \"missing\" }}' as cols");
        Assert.That(_project.Forge("run", "-s", "plain").ExitCode, Is.EqualTo(0));

        var result = _project.Forge("compile", "-s", "columns_of_plain");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/intro/models/columns_of_plain.sql"), Does.Contain("select 'id' as cols"));
    }

    [Test]
    public void Compile_of_a_project_that_never_queries_opens_no_connection()
    {
        PointTheTargetAtAnUnopenableDatabase();
        _project.With("models/child.sql", "{% if execute %}-- executing{% endif %}\nselect * from {{ ref('plain') }}");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error, Is.Empty);
        Assert.That(_project.Read("target/compiled/intro/models/child.sql"), Does.Contain("-- executing"), "execute is true while compiling");
    }

    [Test]
    public void Without_a_reachable_database_only_the_node_that_queries_fails_at_its_call()
    {
        PointTheTargetAtAnUnopenableDatabase();
        _project.With("models/queries.sql", "select 1 as a,\n  {{ run_query('select 2').columns[0].values()[0] if execute else 0 }} as b");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/queries.sql:2:6: error MF5801").And.Contain("target 'dev'").And.Contain("hint:").And.Contain("profiles.yml"));
        Assert.That(result.Output, Does.Contain("Compiled 1 of 2 nodes"));
        Assert.That(_project.Exists("target/compiled/intro/models/plain.sql"));
        Assert.That(_project.Exists("target/compiled/intro/models/queries.sql"), Is.False);
    }

    [Test]
    public void Every_querying_node_fails_alike_when_the_database_cannot_open()
    {
        PointTheTargetAtAnUnopenableDatabase();
        _project
            .With("models/one.sql", "select {{ run_query('select 1').columns[0].values()[0] if execute else 0 }} as v")
            .With("models/two.sql", "{% set r = adapter.get_columns_in_relation(ref('plain')) %}select 2 as v");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("models/one.sql:1:11: error MF5801"));
        Assert.That(result.Error, Does.Contain("models/two.sql:").And.Contain("MF5801"), "a lookup without a call position is placed at the model");
        Assert.That(result.Output, Does.Contain("Compiled 1 of 3 nodes"));
    }

    [Test]
    public void An_incremental_model_compiles_offline_as_a_first_build()
    {
        PointTheTargetAtAnUnopenableDatabase();
        _project.With("models/events.sql",
            "{{ config(materialized='incremental') }}\nselect 1 as id\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/intro/models/events.sql"), Does.Not.Contain("where id >"));
    }

    [Test]
    public void An_incremental_model_compiles_its_incremental_branch_once_its_table_exists()
    {
        _project.With("models/events.sql",
            "{{ config(materialized='incremental') }}\nselect 1 as id\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}");
        Assert.That(_project.Forge("run", "-s", "events").ExitCode, Is.EqualTo(0));

        var result = _project.Forge("compile", "-s", "events");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/intro/models/events.sql"), Does.Contain("where id >"));
    }

    [Test]
    public void Docs_generate_shows_the_sql_that_run_query_produced()
    {
        _project.With("models/answer.sql", "select {{ run_query('select 6 * 7').columns[0].values()[0] if execute else 0 }} as answer");

        var result = _project.Forge("docs", "generate");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/intro/models/answer.sql"), Does.Contain("select 42 as answer"));
    }

    [Test]
    public void Ls_does_not_render_for_execution_and_needs_no_database()
    {
        PointTheTargetAtAnUnopenableDatabase();
        _project.With("models/queries.sql", "select {{ run_query('select 1').columns[0].values()[0] if execute else 0 }} as v");

        var result = _project.Forge("ls");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("queries"));
    }
}
