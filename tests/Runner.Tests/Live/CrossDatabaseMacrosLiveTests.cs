using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Live;

/// <summary>
/// dbt's cross-database macros on a real SQL Server give the values they give on DuckDB
/// (tests/Runner.Tests/CrossDb); ignored without a server.
/// </summary>
internal sealed class CrossDatabaseMacrosLiveTests : LiveSqlServerTestBase
{
    // Each expression is selected as v from one row (y=2024, m=2, d=29) and read back as text.
    private static readonly (string Name, string Expression, string Expected)[] Scalars =
    [
        ("type_bigint", "cast(9000000000 as {{ dbt.type_bigint() }})", "9000000000"),
        ("type_boolean", "cast(1 as {{ dbt.type_boolean() }})", "1"),
        ("cast", "{{ dbt.cast(\"'41'\", dbt.type_int()) }} + 1", "42"),
        ("string_literal", "{{ dbt.string_literal('north') }}", "north"),
        ("date", "{{ dbt.date(2023, 9, 7) }}", "2023-09-07"),
        ("date_from_columns", "{{ dbt.date('y', 'm', 'd') }}", "2024-02-29"),
        ("array_construct", "{{ dbt.array_construct([1, 2, 3]) }}", "[1,2,3]"),
        ("array_construct_empty", "{{ dbt.array_construct([]) }}", "[]"),
        ("array_construct_text", "{{ dbt.array_construct([\"'a\\\"b'\", \"'c'\"]) }}", "[\"a\\\"b\",\"c\"]"),
        ("array_append", "{{ dbt.array_append(dbt.array_construct([1, 2, 3]), 4) }}", "[1,2,3,4]"),
        ("array_append_to_empty", "{{ dbt.array_append(dbt.array_construct([]), 4) }}", "[4]"),
        ("array_concat", "{{ dbt.array_concat(dbt.array_construct([1, 2, 3]), dbt.array_construct([4, 5, 6])) }}", "[1,2,3,4,5,6]"),
        ("array_concat_empty", "{{ dbt.array_concat(dbt.array_construct([]), dbt.array_construct([2])) }}", "[2]"),
        ("get_intervals_between", "{{ dbt.get_intervals_between(\"'2023-09-01'\", \"'2023-09-12'\", 'day') }}", "11"),
        ("split_part", "{{ dbt.split_part(\"'a-b-c'\", \"'-'\", 2) }}", "b"),
        ("split_part_negative", "{{ dbt.split_part(\"'a-b-c'\", \"'-'\", -1) }}", "c"),
        ("split_part_past_end", "{{ dbt.split_part(\"'a-b-c'\", \"'-'\", -5) }}", "<null>"),
        ("datediff_week_boundary", "{{ dbt.datediff(\"'2024-03-16'\", \"'2024-03-17'\", 'week') }}", "1"),
        ("dateadd_hour_on_a_date", "convert(varchar(19), {{ dbt.dateadd('hour', 2, \"cast('2024-03-15' as date)\") }}, 120)", "2024-03-15 02:00:00"),
        ("last_day_quarter", "{{ dbt.last_day(\"cast('2024-02-10' as date)\", 'quarter') }}", "2024-03-31"),
        ("snapshot_get_time", "sql_variant_property({{ dbt.snapshot_get_time() }}, 'BaseType')", "datetime2"),
        ("current_timestamp_in_utc_backcompat", "sql_variant_property({{ dbt.current_timestamp_in_utc_backcompat() }}, 'BaseType')", "datetime2"),
    ];

    private TempProject _project = null!;
    private string _schema = null!;

    [SetUp]
    public void Create()
    {
        _schema = UniqueSchema("forge_x");
        _project = new TempProject("shop").WithProjectFile()
            .With("profiles.yml", Server.Profiles("shop", _schema))
            .WithEnvironment("FORGE_LIVE_PASSWORD", Server.Password);
    }

    [TearDown]
    public void Delete()
    {
        _project.Dispose();
        Server.DropSchemas(_schema);
    }

    [Test]
    public void Every_scalar_macro_runs_on_sql_server_and_gives_the_duckdb_value()
    {
        _project.With("models/t.sql", "{{ config(materialized='table') }}\nselect 2024 as y, 2 as m, 29 as d\n");
        foreach (var (name, expression, _) in Scalars)
            _project.With($"models/m_{name}.sql", $"{{{{ config(materialized='table') }}}}\nselect {expression} as v from {{{{ ref('t') }}}}\n");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.Multiple(() =>
        {
            foreach (var (name, expression, expected) in Scalars)
            {
                var value = Server.Scalar($"select convert(nvarchar(max), v, 23) from [{_schema}].[m_{name}]");
                Assert.That(value is null or DBNull ? "<null>" : value, Is.EqualTo(expected), $"{name}: {expression}");
            }
        });
    }

    [Test]
    public void Date_spine_generate_series_sets_and_equals_give_dbts_rows()
    {
        _project
            .With("models/days.sql", "{{ config(materialized='table') }}\nwith spine as (\n{{ dbt.date_spine('day', \"'2023-09-01'\", \"'2023-09-10'\") }}\n)\nselect cast(date_day as date) as date_day from spine\n")
            .With("models/series.sql", "{{ config(materialized='table') }}\nwith g as (\n{{ dbt.generate_series(37) }}\n)\nselect generated_number from g\n")
            .With("models/a.sql", "{{ config(materialized='table') }}\nselect n from (values (1), (2), (2), (3)) as v(n)\n")
            .With("models/b.sql", "{{ config(materialized='table') }}\nselect n from (values (2), (4)) as v(n)\n")
            .With("models/only_a.sql", "{{ config(materialized='table') }}\nselect n from {{ ref('a') }}\n{{ except() }}\nselect n from {{ ref('b') }}\n")
            .With("models/pairs.sql", "{{ config(materialized='table') }}\nselect * from (values (1, 1, 1), (2, 1, 2), (3, 1, null), (5, null, null)) as v(k, x, y)\n")
            .With("models/same.sql", "{{ config(materialized='table') }}\nselect k from {{ ref('pairs') }} where {{ equals('x', 'y') }}\n");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Column($"select convert(varchar(10), date_day, 23) from [{_schema}].[days] order by 1"), Is.EqualTo(Enumerable.Range(1, 9).Select(d => $"2023-09-0{d}")));
        Assert.That(Column($"select cast(generated_number as varchar(10)) from [{_schema}].[series] order by generated_number"), Is.EqualTo(Enumerable.Range(1, 37).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(Column($"select cast(n as varchar(10)) from [{_schema}].[only_a] order by n"), Is.EqualTo(new[] { "1", "3" }));
        Assert.That(Column($"select cast(k as varchar(10)) from [{_schema}].[same] order by k"), Is.EqualTo(new[] { "1" }));
    }

    private IEnumerable<string?> Column(string sql) => Server.Rows(sql).Select(r => r[0] as string);
}
