using NUnit.Framework;

namespace ModelForge.Runner.Tests.Incremental;

internal sealed class IncrementalSchemaAndFailureTests : IncrementalTestBase
{
    [SetUp]
    public void SeedSource()
    {
        Execute("create table raw.events (id integer, name varchar, amount integer, updated_at integer)");
        Execute("insert into raw.events values (1, 'a', 10, 1), (2, 'b', 20, 1)");
    }

    private void Model(string config, string columns) =>
        Project.With("models/events.sql", $"{{{{ config(materialized='incremental', {config}) }}}}\n" +
            $"select {columns} from {{{{ source('raw', 'events') }}}}\n" +
            "{% if is_incremental() %}where updated_at > (select max(updated_at) from {{ this }}){% endif %}");

    [Test]
    public void A_merge_batch_with_a_duplicate_key_fails_naming_the_key_and_leaves_the_table_as_it_was()
    {
        Model("incremental_strategy='merge', unique_key='id'", "id, name, amount, updated_at");
        Project.Forge("run");
        Execute("insert into raw.events values (2, 'b2', 21, 2), (2, 'b3', 22, 2), (3, 'c', 30, 2)");

        var result = Project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5205"));
        Assert.That(result.Output, Does.Contain("id=2 appears 2 times"));
        Assert.That(Rows("select * from main.events order by id"), Is.EqualTo(new[] { "1|a|10|1", "2|b|20|1" }));
        Assert.That(Tables("main"), Is.EqualTo(new[] { "events" }));
    }

    [Test]
    public void A_statement_failing_after_the_delete_rolls_the_delete_back()
    {
        Model("incremental_strategy='delete+insert', unique_key='id'", "id, name, amount, updated_at");
        Project.Forge("run");
        // Given a model that now drops a column the table has (on_schema_change ignore: the insert names it and fails)
        Model("incremental_strategy='delete+insert', unique_key='id'", "id, amount, updated_at");
        Execute("update raw.events set amount = 11, updated_at = 2 where id = 1");

        var result = Project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5001"));
        Assert.That(result.All, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Rows("select * from main.events order by id"), Is.EqualTo(new[] { "1|a|10|1", "2|b|20|1" }), "the delete was rolled back");
        Assert.That(Tables("main"), Is.EqualTo(new[] { "events" }));
    }

    [Test]
    public void On_schema_change_fail_names_the_differing_columns()
    {
        Model("unique_key='id', on_schema_change='fail'", "id, name, amount, updated_at");
        Project.Forge("run");
        Model("unique_key='id', on_schema_change='fail'", "id, amount, updated_at, amount * 2 as doubled");
        Execute("insert into raw.events values (3, 'c', 30, 2)");

        var result = Project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5204"));
        Assert.That(result.Output, Does.Contain("new in the model: doubled; missing from the model: name"));
        Assert.That(Rows("select * from main.events order by id"), Is.EqualTo(new[] { "1|a|10|1", "2|b|20|1" }));
    }

    [Test]
    public void On_schema_change_ignore_keeps_the_table_columns_and_drops_new_ones()
    {
        Model("unique_key='id'", "id, amount, updated_at");
        Project.Forge("run");
        Model("unique_key='id'", "id, amount, updated_at, name");
        Execute("insert into raw.events values (3, 'c', 30, 2)");

        Run();

        Assert.That(Columns("main", "events"), Is.EqualTo(new[] { "id", "amount", "updated_at" }));
        Assert.That(Rows("select * from main.events order by id"), Is.EqualTo(new[] { "1|10|1", "2|20|1", "3|30|2" }));
    }

    [Test]
    public void On_schema_change_append_new_columns_adds_them_and_keeps_removed_ones_as_nulls()
    {
        Model("unique_key='id', on_schema_change='append_new_columns'", "id, name, amount, updated_at");
        Project.Forge("run");
        Model("unique_key='id', on_schema_change='append_new_columns'", "id, amount, updated_at, amount * 2 as doubled");
        Execute("update raw.events set amount = 21, updated_at = 2 where id = 2; insert into raw.events values (3, 'c', 30, 2)");

        Run();

        Assert.That(Columns("main", "events"), Is.EqualTo(new[] { "id", "name", "amount", "updated_at", "doubled" }));
        Assert.That(Rows("select * from main.events order by id"), Is.EqualTo(new[] { "1|a|10|1|∅", "2|∅|21|2|42", "3|∅|30|2|60" }));
    }

    [Test]
    public void On_schema_change_sync_all_columns_adds_drops_and_retypes_columns()
    {
        Model("incremental_strategy='merge', unique_key='id', on_schema_change='sync_all_columns'", "id, name, amount, updated_at");
        Project.Forge("run");
        Model("incremental_strategy='merge', unique_key='id', on_schema_change='sync_all_columns'",
            "id, cast(amount as bigint) as amount, updated_at, upper(name) as code");
        Execute("update raw.events set amount = 21, updated_at = 2 where id = 2; insert into raw.events values (3, 'c', 30, 2)");

        Run();

        Assert.That(Rows("select column_name || ' ' || data_type from information_schema.columns where table_name = 'events' " +
            "and table_schema = 'main' order by ordinal_position"), Is.EqualTo(new[] { "id INTEGER", "amount BIGINT", "updated_at INTEGER", "code VARCHAR" }));
        Assert.That(Rows("select * from main.events order by id"), Is.EqualTo(new[] { "1|10|1|∅", "2|21|2|B", "3|30|2|C" }));
    }

    [Test]
    public void An_unknown_strategy_is_an_error_at_the_model()
    {
        Model("incremental_strategy='upsert'", "id");

        var result = Project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/events.sql:1:1: error MF5201"));
        Assert.That(result.Output, Does.Contain("'append', 'merge', 'delete+insert'"));
    }
}
