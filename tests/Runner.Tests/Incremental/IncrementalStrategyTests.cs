using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Incremental;

internal sealed class IncrementalStrategyTests : IncrementalTestBase
{
    private const string Filter = "\n{% if is_incremental() %}where updated_at > (select max(updated_at) from {{ this }}){% endif %}\n";

    [SetUp]
    public void SeedSource()
    {
        Execute("create table raw.events (id integer, name varchar, amount integer, updated_at integer)");
        Execute("insert into raw.events values (1, 'a', 10, 1), (2, 'b', 20, 1), (3, 'c', 30, 1)");
    }

    [Test]
    public void Append_inserts_only_the_new_rows_on_later_runs()
    {
        Project.With("models/events_log.sql", "{{ config(materialized='incremental', incremental_strategy='append') }}\n" +
            "select id, name, amount, updated_at from {{ source('raw', 'events') }}" + Filter);

        Run();
        Execute("update raw.events set amount = 21, updated_at = 2 where id = 2; insert into raw.events values (4, 'd', 40, 2)");
        Run();

        Assert.That(Rows("select * from main.events_log order by id, updated_at"), Is.EqualTo(new[]
        {
            "1|a|10|1", "2|b|20|1", "2|b|21|2", "3|c|30|1", "4|d|40|2",
        }));
        Assert.That(Tables("main"), Is.EqualTo(new[] { "events_log" }), "the staged batch is dropped");
    }

    [Test]
    public void Merge_updates_matched_rows_and_inserts_new_ones()
    {
        Project.With("models/events_current.sql", "{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}\n" +
            "select id, name, amount, updated_at from {{ source('raw', 'events') }}" + Filter);

        Run();
        Execute("update raw.events set amount = 21, updated_at = 2 where id = 2; insert into raw.events values (4, 'd', 40, 2)");
        var second = Run();
        Execute("update raw.events set name = 'cc', updated_at = 3 where id = 3; delete from raw.events where id = 1");
        Run();

        Assert.That(second.Output, Does.Contain("OK sql incremental model main.events_current"));
        Assert.That(Rows("select * from main.events_current order by id"), Is.EqualTo(new[]
        {
            "1|a|10|1", "2|b|21|2", "3|cc|30|3", "4|d|40|2",
        }), "a row deleted at the source stays: merge only sees the new batch");
    }

    [Test]
    public void Merge_update_columns_limits_what_a_match_changes()
    {
        Project.With("models/events_current.sql", "{{ config(materialized='incremental', incremental_strategy='merge', unique_key=['id'], " +
            "merge_update_columns=['amount', 'updated_at']) }}\nselect id, name, amount, updated_at from {{ source('raw', 'events') }}" + Filter);

        Run();
        Execute("update raw.events set name = 'bb', amount = 22, updated_at = 2 where id = 2");
        Run();

        Assert.That(Rows("select * from main.events_current order by id"), Is.EqualTo(new[] { "1|a|10|1", "2|b|22|2", "3|c|30|1" }));
    }

    [Test]
    public void Merge_exclude_columns_keeps_the_excluded_columns_of_matched_rows()
    {
        Project.With("models/events_current.sql", "{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', " +
            "merge_exclude_columns=['name']) }}\nselect id, name, amount, updated_at from {{ source('raw', 'events') }}" + Filter);

        Run();
        Execute("update raw.events set name = 'bb', amount = 22, updated_at = 2 where id = 2; insert into raw.events values (4, 'd', 40, 2)");
        Run();

        Assert.That(Rows("select * from main.events_current order by id"), Is.EqualTo(new[] { "1|a|10|1", "2|b|22|2", "3|c|30|1", "4|d|40|2" }));
    }

    [Test]
    public void Delete_insert_replaces_every_row_of_a_key_in_the_batch_with_a_composite_key()
    {
        Execute("create table raw.daily (day integer, station varchar, rides integer)");
        Execute("insert into raw.daily values (1, 'x', 5), (1, 'y', 6), (2, 'x', 7)");
        Project.With("models/daily.sql", "{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['day', 'station']) }}\n" +
            "select day, station, rides from {{ source('raw', 'daily') }}\n" +
            "{% if is_incremental() %}where day >= (select max(day) from {{ this }}){% endif %}")
            .With("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: events\n      - name: daily\n");

        Run();
        Execute("update raw.daily set rides = 70 where day = 2; insert into raw.daily values (2, 'y', 8), (3, 'x', 9)");
        Run();

        Assert.That(Rows("select * from main.daily order by day, station"), Is.EqualTo(new[] { "1|x|5", "1|y|6", "2|x|70", "2|y|8", "3|x|9" }));
    }

    [Test]
    public void Full_refresh_rebuilds_the_whole_table_from_the_source()
    {
        Project.With("models/events_current.sql", "{{ config(materialized='incremental', unique_key='id') }}\n" +
            "select id, name, amount, updated_at from {{ source('raw', 'events') }}" + Filter);
        Run();
        Execute("delete from raw.events where id = 1; update raw.events set amount = 31 where id = 3");

        Run();
        Assert.That(Rows("select id, amount from main.events_current order by id"), Is.EqualTo(new[] { "1|10", "2|20", "3|30" }),
            "no new updated_at: nothing changes incrementally");
        Run("--full-refresh");

        Assert.That(Rows("select id, amount from main.events_current order by id"), Is.EqualTo(new[] { "2|20", "3|31" }));
        Assert.That(Tables("main"), Is.EqualTo(new[] { "events_current" }));
    }

    [Test]
    public void A_model_config_of_full_refresh_false_keeps_the_table_on_full_refresh()
    {
        Project.With("models/events_log.sql", "{{ config(materialized='incremental', full_refresh=false) }}\n" +
            "select id, amount, updated_at from {{ source('raw', 'events') }}" + Filter);
        Run();
        Execute("delete from raw.events where id = 1; insert into raw.events values (4, 'd', 40, 2)");

        Run("--full-refresh");

        Assert.That(Rows("select id from main.events_log order by id"), Is.EqualTo(new[] { "1", "2", "3", "4" }));
    }

    [Test]
    public void The_run_file_records_the_staging_and_the_merge_of_a_later_run()
    {
        Project.With("models/events_current.sql", "{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}\n" +
            "select id, amount, updated_at from {{ source('raw', 'events') }}" + Filter);
        Run();

        Run();

        var statements = Project.Read("target/run/shop/models/events_current.sql");
        var stage = statements.IndexOf("create or replace temporary table \"events_current__forge_incr\"", StringComparison.Ordinal);
        var merge = statements.IndexOf("merge into \"shop\".\"main\".\"events_current\" as forge_target", StringComparison.Ordinal);
        var drop = statements.IndexOf("drop table if exists temp.main.\"events_current__forge_incr\"", stage, StringComparison.Ordinal);
        Assert.That(stage, Is.GreaterThanOrEqualTo(0), statements);
        Assert.That(merge, Is.GreaterThan(stage), statements);
        Assert.That(drop, Is.GreaterThan(merge), statements);
        Assert.That(statements, Does.Contain("where updated_at > (select max(updated_at) from \"shop\".\"main\".\"events_current\")"));
    }

    [Test]
    public void A_view_in_the_way_is_replaced_by_the_full_table()
    {
        Project.With("models/events_current.sql", "select 1 as id");
        Run();
        Project.With("models/events_current.sql", "{{ config(materialized='incremental', unique_key='id') }}\n" +
            "select id, amount, updated_at from {{ source('raw', 'events') }}" + Filter);

        Run();

        Assert.That(Database.RelationType(Project.DatabasePath, "main", "events_current"), Is.EqualTo("table"));
        Assert.That(Rows("select id from main.events_current order by id"), Is.EqualTo(new[] { "1", "2", "3" }));
    }
}
