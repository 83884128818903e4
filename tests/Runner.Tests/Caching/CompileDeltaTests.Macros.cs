using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>
/// An edit of a macro file that keeps its macros' names and parameters: compile renders again the models whose last
/// render bound one of its macros and patches each macro's macro_sql, leaving what a full compile leaves; parse and
/// ls take it without rendering. A macro also bound by a render no delta redoes (a test, a relation name, an
/// ephemeral model) sends the command the full way.
/// </summary>
public sealed partial class CompileDeltaTests
{
    private ForgeResult MacroDelta(int rendered, string command = "compile")
    {
        var (result, memo) = Run(command);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Is.EqualTo($"delta: {(command == "compile" ? "rendered" : "read")} {rendered} (macro files: 1) / written"), result.ToString());
        return result;
    }

    [Test]
    public void An_edited_macro_renders_its_users_again_and_leaves_what_a_full_compile_leaves()
    {
        Recorded();
        var first = _project.Forge("compile").Output;
        _project.With("macros/cents.sql", "{# cents to \"dollars\" \\ é </script> #}\n{% macro cents(c) %}round({{ c }} / 100.0, 2){% endmacro %}");

        var delta = MacroDelta(1);

        Assert.That(delta.Output, Is.EqualTo(first));
        Assert.That(delta.Error, Does.Contain("compile cache: rendered model.delta.orders"));
        Assert.That(_project.Read("target/compiled/delta/models/marts/orders.sql"), Does.Contain("round(amount / 100.0, 2) as dollars"));
        var left = Outputs();
        Assert.That(left["manifest.json"], Does.Contain("round({{ c }} / 100.0, 2)"));
        Assert.That(Compile().Memo, Is.EqualTo("hit"), "the memo describes what the delta left");
        Assert.That(FullCompileOutputs(), Is.EqualTo(left));
    }

    [Test]
    public void A_macro_and_a_model_edited_together_are_taken_together()
    {
        Recorded();
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.00){% endmacro %}");
        _project.With("models/plain.sql", "select 1 as id, 400 as amount");

        MacroDelta(2);

        Assert.That(_project.Read("target/compiled/delta/models/marts/orders.sql"), Does.Contain("(amount / 100.00)"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void A_macro_no_model_uses_renders_nothing_but_its_manifest_entry_changes()
    {
        _project.With("macros/unused.sql", "{% macro unused() %}select 1{% endmacro %}");
        Recorded();
        _project.With("macros/unused.sql", "{% macro unused() %}select 2{% endmacro %}");

        MacroDelta(0);

        Assert.That(_project.Read("target/manifest.json"), Does.Contain("select 2{% endmacro %}"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void A_packages_macro_edited_renders_the_project_models_that_use_it()
    {
        _project.With("dbt_packages/helpers/dbt_project.yml", "name: helpers\nversion: '1.0'\n")
            .With("dbt_packages/helpers/macros/doubled.sql", "{% macro doubled(x) %}({{ x }} * 2){% endmacro %}")
            .With("models/uses_package.sql", "select {{ helpers.doubled('id') }} as twice from {{ ref('plain') }}");
        Recorded();
        _project.With("dbt_packages/helpers/macros/doubled.sql", "{% macro doubled(x) %}({{ x }} + {{ x }}){% endmacro %}");

        MacroDelta(1);

        Assert.That(_project.Read("target/compiled/delta/models/uses_package.sql"), Does.Contain("(id + id) as twice"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void A_macro_edit_that_breaks_it_is_reported_by_the_full_compile()
    {
        Recorded();
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacr %}");

        var (result, memo) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("the macros do not load"), result.ToString());
        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Error, Does.Match(@"macros/cents\.sql:\d+:\d+"), result.ToString());
    }

    [Test]
    public void A_packages_parse_rendered_model_starts_from_its_packages_config()
    {
        // The package's own folder config decides what its model's parse render reads of config.
        _project.With("dbt_packages/helpers/dbt_project.yml", "name: helpers\nversion: '1.0'\nmodels:\n  helpers:\n    +materialized: table\n")
            .With("dbt_packages/helpers/models/shaped.sql",
                "{% if config.get('materialized') == 'table' %}{{ config(tags=['tabled']) }}{% endif %}select '{{ 'x' | upper }}' as x");
        Recorded();
        _project.With("dbt_packages/helpers/models/shaped.sql",
            "{% if config.get('materialized') == 'table' %}{{ config(tags=['tabled']) }}{% endif %}select '{{ 'y' | upper }}' as x");

        Delta(1);

        Assert.That(_project.Read("target/compiled/helpers/models/shaped.sql"), Does.Contain("'Y' as x"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void A_macro_added_or_whose_parameters_change_is_a_full_compile()
    {
        Recorded();
        _project.With("macros/cents.sql", "{% macro cents(c, scale=100.0) %}({{ c }} / {{ scale }}){% endmacro %}");
        Full("a macro was added, removed or renamed, or its parameters changed");

        Recorded();
        _project.With("macros/cents.sql", "{% macro cents(c, scale=100.0) %}({{ c }} / {{ scale }}){% endmacro %}{% macro more() %}1{% endmacro %}");
        Full("a macro was added, removed or renamed, or its parameters changed");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void A_model_the_static_parser_does_not_read_is_parse_rendered_again_and_taken()
    {
        // Not text and parameters alone: the static parser does not read past it, so the model's parse render decides.
        _project.With("macros/label.sql", "{% macro label(x) %}{{ x | upper }}{% endmacro %}")
            .With("macros/tagged.sql", "{% macro tagged() %}{{ config(tags=['a']) }}{% endmacro %}")
            .With("models/labelled.sql", "{{ tagged() }}select '{{ label('a') }}' as label from {{ ref('plain') }}");
        Recorded();
        _project.With("models/labelled.sql", "{{ tagged() }}select '{{ label('b') }}' as label from {{ ref('plain') }}");
        Delta(1);
        _project.With("macros/label.sql", "{% macro label(x) %}{{ x | lower }}{% endmacro %}");
        MacroDelta(1);
        Assert.That(_project.Read("target/compiled/delta/models/labelled.sql"), Does.Contain("'b' as label"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));

        // Its parse render now sets another config, or binds a macro its last render did not: the full way.
        Recorded();
        _project.With("macros/tagged.sql", "{% macro tagged() %}{{ config(tags=['b']) }}{% endmacro %}");
        Full("models/labelled.sql: its config, refs or sources may have changed");
        Recorded();
        _project.With("macros/label.sql", "{% macro label(x) %}{{ x | lower }}{{ cents(1) }}{% endmacro %}");
        Full("models/labelled.sql now uses delta.cents, which its last render did not");
        Assert.That(_project.Read("target/compiled/delta/models/labelled.sql"), Does.Contain("'b(1 / 100.0)'"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void Parse_and_ls_check_the_parse_renders_of_an_edited_macros_users()
    {
        _project.With("macros/tagged.sql", "{% macro tagged() %}{{ config(tags=['a']) }}{% endmacro %}")
            .With("models/tagged_model.sql", "{{ tagged() }}select 1 as id");
        foreach (var command in new[] { "parse", "ls" }) Assert.That(Run(command).Memo, Does.EndWith("written"));

        _project.With("macros/tagged.sql", "{% macro tagged() %}{# still a #}{{ config(tags=['a']) }}{% endmacro %}");
        MacroDelta(1, "parse");
        MacroDelta(1, "ls");

        _project.With("macros/tagged.sql", "{% macro tagged() %}{{ config(tags=['b']) }}{% endmacro %}");
        foreach (var command in new[] { "parse", "ls" })
        {
            var (result, memo) = Run(command);
            Assert.That(memo, Does.StartWith("miss: ").And.Contain("models/tagged_model.sql: its config, refs or sources may have changed"), result.ToString());
        }
        Assert.That(_project.Forge("ls", "--select", "tag:b").Output, Does.Contain("tagged_model"));
        Assert.That(_project.Forge("ls", "--select", "tag:a").Output, Does.Not.Contain("tagged_model"));
        Assert.That(_project.Read("target/manifest.json"), Does.Contain("\"b\""));
    }

    [Test]
    public void A_macro_a_test_a_relation_name_or_an_ephemeral_model_uses_is_a_full_compile()
    {
        _project.With("macros/tests.sql", "{% test positive(model, column_name) %}select * from {{ model }} where {{ column_name }} <= 0{% endtest %}")
            .With("models/positive.yml", "version: 2\nmodels:\n  - name: plain\n    columns:\n      - name: amount\n        data_tests: [positive]\n");
        Recorded();
        _project.With("macros/tests.sql", "{% test positive(model, column_name) %}select * from {{ model }} where {{ column_name }} < 0{% endtest %}");
        Full("positive is used by more than the models a delta renders");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));

        _project.With("macros/naming.sql", "{% macro generate_schema_name(custom, node) %}{{ target.schema }}{% endmacro %}");
        Recorded();
        _project.With("macros/naming.sql", "{% macro generate_schema_name(custom, node) %}{{ target.schema }}_x{% endmacro %}");
        Full("generate_schema_name is used by more than the models a delta renders");

        _project.With("models/cte.sql", "{{ config(materialized='ephemeral') }}select 2 as id, {{ cents('2') }} as c");
        Recorded();
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.000){% endmacro %}");
        Full("cents is used by more than the models a delta renders");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void Parse_and_ls_take_a_macro_edit_without_rendering()
    {
        Assert.That(Run("parse").Memo, Does.EndWith("written"));
        Assert.That(Run("ls").Memo, Does.EndWith("written"));
        var listed = _project.Forge("ls").Output;
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0) -- parsed{% endmacro %}");

        MacroDelta(0, "parse");
        Assert.That(MacroDelta(0, "ls").Output, Is.EqualTo(listed));

        var patched = Invocation().Replace(_project.Read("target/manifest.json"), "\"$1\": \"-\"");
        Assert.That(patched, Does.Contain("-- parsed{% endmacro %}"));
        File.Delete(Path.Combine(_project.Root, "target", ModelForge.Runner.Memo.MemoFile.NameFor("parse")));
        Assert.That(_project.Forge("parse").ExitCode, Is.EqualTo(0));
        Assert.That(Invocation().Replace(_project.Read("target/manifest.json"), "\"$1\": \"-\""), Is.EqualTo(patched));
    }

    [Test]
    public void An_incremental_model_is_rendered_with_is_incremental_answered_as_the_last_compile_saw_the_database()
    {
        _project.With("models/events.sql", "{{ config(materialized='incremental') }}\nselect id, amount from {{ ref('plain') }}\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}");
        // The first compile that asks is_incremental() creates the database file, dated back as if made a while ago:
        // a file written within the memo's racy window is not vouched for.
        _project.Forge("compile");
        DateDatabaseBack();
        Recorded();
        _project.With("models/events.sql", "{{ config(materialized='incremental') }}\nselect id, amount * 2 as amount from {{ ref('plain') }}\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}");
        Delta(1);
        Assert.That(_project.Read("target/compiled/delta/models/events.sql"), Does.Contain("amount * 2").And.Not.Contain("where id >"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));

        // Once the table exists, the full compile's render and the delta's both take the incremental branch.
        var run = _project.Forge("run");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        DateDatabaseBack();
        Recorded();
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0) {% endmacro %}");
        _project.With("models/events.sql", "{{ config(materialized='incremental') }}\nselect id, amount * 3 as amount from {{ ref('plain') }}\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}");
        MacroDelta(2);
        Assert.That(_project.Read("target/compiled/delta/models/events.sql"), Does.Contain("amount * 3").And.Contain("where id > (select max(id) from"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    private void DateDatabaseBack()
    {
        var database = Path.Combine(_project.Root, "target", "delta.duckdb");
        Assert.That(File.Exists(database), Is.True, "the compile opened the project's database");
        File.SetLastWriteTimeUtc(database, DateTime.UtcNow.AddMinutes(-1));
    }
}
