using System.Globalization;
using System.Text;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Live;

/// <summary>Materializations, seeds and connection failures on a real SQL Server, each in schemas of its own.</summary>
internal sealed class SqlServerLiveTests : LiveSqlServerTestBase
{
    private TempProject _project = null!;
    private string _schema = null!;

    [SetUp]
    public void Create()
    {
        _schema = UniqueSchema("forge_t");
        _project = new TempProject("shop").WithProjectFile()
            .With("profiles.yml", Server.Profiles("shop", _schema, threads: 8))
            .WithEnvironment("FORGE_LIVE_PASSWORD", Server.Password);
    }

    [TearDown]
    public void Delete()
    {
        _project.Dispose();
        Server.DropSchemas(_schema);
    }

    [Test]
    public void A_failing_model_leaves_the_previous_table_in_place()
    {
        _project.With("models/orders.sql", "{{ config(materialized='table') }}\nselect 1 as id union all select 2 as id\n");
        var first = _project.Forge("run");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());

        // Fails while the new table is built: a conversion error at run time, not at compile time.
        _project.With("models/orders.sql", "{{ config(materialized='table') }}\nselect cast('not a number' as int) as id\n");
        var second = _project.Forge("run");

        Assert.That(second.ExitCode, Is.EqualTo(1), second.ToString());
        Assert.That(Server.Scalar($"select count_big(*) from [{_schema}].[orders]"), Is.EqualTo(2L));
        Assert.That(Server.Scalar($"select count(*) from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = '{_schema}' and TABLE_NAME like '%[_][_]forge[_]%'"), Is.EqualTo(0));
    }

    [Test]
    public void Persist_docs_sets_MS_Description_and_updates_it_on_a_rerun()
    {
        _project.With("models/orders.sql", "{{ config(materialized='table', persist_docs={'relation': true, 'columns': true}) }}\nselect 1 as id\n")
            .With("models/orders_view.sql", "{{ config(persist_docs={'relation': true, 'columns': true}) }}\nselect * from {{ ref('orders') }}\n")
            .With("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: \"Zamówienia, it's 注文\"\n    columns:\n      - name: id\n        description: Key\n      - name: gone\n        description: Not built\n  - name: orders_view\n    description: First\n");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        // The view is altered in place and keeps its property: the second run must update it, not add it.
        _project.With("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: \"Zamówienia, it's 注文\"\n    columns:\n      - name: id\n        description: Key\n  - name: orders_view\n    description: Second\n");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        string? Description(string table, string? column) => Server.Scalar(
            $"select cast(value as nvarchar(4000)) from sys.extended_properties where name = N'MS_Description' and major_id = OBJECT_ID(N'[{_schema}].[{table}]') " +
            $"and minor_id = {(column is null ? "0" : $"COLUMNPROPERTY(OBJECT_ID(N'[{_schema}].[{table}]'), N'{column}', 'ColumnId')")}") as string;
        Assert.That(Description("orders", null), Is.EqualTo("Zamówienia, it's 注文"));
        Assert.That(Description("orders", "id"), Is.EqualTo("Key"));
        Assert.That(Description("orders_view", null), Is.EqualTo("Second"));
    }

    [Test]
    public void A_table_replaces_a_view_of_the_same_name()
    {
        _project.With("models/orders.sql", "{{ config(materialized='view') }}\nselect 1 as id\n");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        _project.With("models/orders.sql", "{{ config(materialized='table') }}\nselect 1 as id\n");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.Scalar($"select TABLE_TYPE from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = '{_schema}' and TABLE_NAME = 'orders'"), Is.EqualTo("BASE TABLE"));
    }

    [Test]
    public void Schemas_are_created_once_when_eight_threads_race_for_them()
    {
        for (var i = 0; i < 16; i++)
        {
            _project.With($"models/m{i:00}.sql",
                $"{{{{ config(materialized='{(i % 2 == 0 ? "table" : "view")}', schema='s{i % 3}') }}}}\nselect {i} as id\n");
        }

        var result = _project.Forge("run", "--threads", "8");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.Scalar($"select count(*) from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA like '{_schema}[_]s%'"), Is.EqualTo(16));
    }

    [Test]
    public void Seeds_load_by_bulk_copy_with_their_inferred_types()
    {
        var longText = new string('x', 5000);
        _project.With("seeds/kinds.csv",
            "flag,qty,price,ratio,day,at,name,notes,code\n" +
            $"true,3,9.99,1.5e3,2024-04-01,2024-04-01 10:30:00,Ann,{longText},0042\n" +
            ",,,,,,,,\n")
            .With("seeds/_seeds.yml", "version: 2\nseeds:\n  - name: kinds\n    config:\n      column_types:\n        code: varchar(10)\n");

        var result = _project.Forge("seed");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var types = Server.Rows($"select COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH from INFORMATION_SCHEMA.COLUMNS where TABLE_SCHEMA = '{_schema}' and TABLE_NAME = 'kinds' order by ORDINAL_POSITION")
            .Select(r => $"{r[0]} {r[1]}{(r[2] is int length ? "(" + length.ToString(CultureInfo.InvariantCulture) + ")" : "")}").ToList();
        Assert.That(types, Is.EqualTo(new[]
        {
            "flag bit", "qty bigint", "price decimal", "ratio float", "day date", "at datetime2",
            "name nvarchar(4000)", "notes nvarchar(-1)", "code varchar(10)",
        }));
        var row = Server.Rows($"select flag, qty, price, ratio, day, at, name, len(notes), code from [{_schema}].[kinds] where qty is not null").Single();
        Assert.That(row, Is.EqualTo(new object?[] { true, 3L, 9.99m, 1500d, new DateTime(2024, 4, 1), new DateTime(2024, 4, 1, 10, 30, 0), "Ann", 5000L, "0042" }));
        Assert.That(Server.Scalar($"select count(*) from [{_schema}].[kinds] where flag is null and qty is null and name is null"), Is.EqualTo(1));
    }

    [Test]
    public void Seeding_again_replaces_the_rows()
    {
        _project.With("seeds/people.csv", "id,name\n1,Ann\n2,Bob\n");
        Assert.That(_project.Forge("seed").ExitCode, Is.EqualTo(0));
        _project.With("seeds/people.csv", "id,name\n1,Ann\n2,Bob\n3,Cy\n");

        var result = _project.Forge("seed");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.Scalar($"select count_big(*) from [{_schema}].[people]"), Is.EqualTo(3L));
    }

    [Test]
    public void A_wrong_password_is_one_clear_line_naming_the_target()
    {
        _project.WithEnvironment("FORGE_LIVE_PASSWORD", "certainly-not-the-password");

        var result = _project.Forge("debug");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var heads = result.Error.Split('\n').Where(l => l.Contains(": error MF", StringComparison.Ordinal)).ToList();
        Assert.That(heads, Has.Count.EqualTo(1), result.ToString());
        Assert.That(heads[0], Does.Contain("error MF5402: cannot connect to SQL Server target 'live' at "));
        Assert.That(result.All, Does.Not.Contain("certainly-not-the-password").And.Not.Contain("   at "));
    }

    [Test]
    public void Run_query_reads_typed_values_and_columns_come_from_the_catalog()
    {
        _project.With("models/base.sql", "{{ config(materialized='table') }}\nselect cast(1 as int) as id, cast('a' as nvarchar(20)) as name, cast(2.5 as decimal(5,2)) as amount\n")
            .With("models/echo.sql", new StringBuilder()
                .Append("{{ config(materialized='view') }}\n")
                .Append("{% if execute %}{% set cols = adapter.get_columns_in_relation(ref('base')) %}")
                .Append("{% set n = run_query('select count(*) as n from ' ~ ref('base')).rows[0][0] %}")
                .Append("{% else %}{% set cols = [] %}{% set n = 0 %}{% endif %}\n")
                .Append("select {{ n }} as n, '{{ cols | map(attribute='name') | join(',') }}' as names, '{{ cols | map(attribute='dtype') | join(',') }}' as types\n")
                .ToString());

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var row = Server.Rows($"select n, names, types from [{_schema}].[echo]").Single();
        Assert.That(row, Is.EqualTo(new object?[] { 1, "id,name,amount", "int,nvarchar,decimal" }));
    }
}
