using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.CrossDb;

/// <summary>
/// The rest of dbt's cross-database macros (types, casts, arrays, sets, equals, date, generate_series,
/// date_spine…) render in models that `forge run` builds on a real DuckDB, and give dbt's values.
/// </summary>
public sealed class DbtCrossDatabaseMacrosOnDuckDbTests
{
    // Each expression is selected as v from one row and read back as text.
    private static readonly (string Name, string Expression, string Expected)[] Scalars =
    [
        ("type_float", "cast(1.5 as {{ dbt.type_float() }})", "1.5"),
        ("type_bigint", "cast(9000000000 as {{ dbt.type_bigint() }})", "9000000000"),
        ("type_boolean", "cast('true' as {{ dbt.type_boolean() }})", "true"),
        ("cast", "{{ dbt.cast(\"'41'\", dbt.type_int()) }} + 1", "42"),
        ("string_literal", "{{ dbt.string_literal('north') }}", "north"),
        ("date", "{{ dbt.date(2023, 9, 7) }}", "2023-09-07"),
        ("date_from_columns", "{{ dbt.date('y', 'm', 'd') }}", "2024-02-29"),
        ("array_construct", "{{ dbt.array_construct([1, 2, 3]) }}", "[1, 2, 3]"),
        ("array_construct_empty", "{{ dbt.array_construct([]) }}", "[]"),
        ("array_construct_typed_empty", "{{ dbt.array_construct([], dbt.type_string()) }}", "[]"),
        ("array_append", "{{ dbt.array_append(dbt.array_construct([1, 2, 3]), 4) }}", "[1, 2, 3, 4]"),
        ("array_append_to_empty", "{{ dbt.array_append(dbt.array_construct([]), 4) }}", "[4]"),
        ("array_concat", "{{ dbt.array_concat(dbt.array_construct([1, 2, 3]), dbt.array_construct([4, 5, 6])) }}", "[1, 2, 3, 4, 5, 6]"),
        ("array_concat_empty", "{{ dbt.array_concat(dbt.array_construct([]), dbt.array_construct([2])) }}", "[2]"),
        ("get_powers_of_two", "{{ dbt.get_powers_of_two(9) }}", "4"),
        ("get_intervals_between", "{{ dbt.get_intervals_between(\"date '2023-09-01'\", \"date '2023-09-12'\", 'day') }}", "11"),
        ("current_timestamp_backcompat", "typeof({{ dbt.current_timestamp_backcompat() }})", "TIMESTAMP"),
        ("current_timestamp_in_utc_backcompat", "typeof({{ dbt.current_timestamp_in_utc_backcompat() }})", "TIMESTAMP"),
        ("snapshot_get_time", "typeof({{ dbt.snapshot_get_time() }})", "TIMESTAMP"),
        ("default_last_day", "{{ dbt.default_last_day(\"date '2024-02-10'\", 'month') }}", "2024-02-29"),
        ("split_part_negative", "{{ dbt.split_part(\"'a-b-c'\", \"'-'\", -1) }}", "c"),
        ("split_part_past_end", "{{ dbt.split_part(\"'a-b-c'\", \"'-'\", 5) }}", "<null>"),
        // Saturday to Sunday crosses a week boundary (SQL Server's DATEDIFF(week) counts Sundays).
        ("datediff_week_boundary", "{{ dbt.datediff(\"date '2024-03-16'\", \"date '2024-03-17'\", 'week') }}", "1"),
        ("datediff_week_back", "{{ dbt.datediff(\"date '2024-03-18'\", \"date '2024-03-11'\", 'week') }}", "-1"),
        ("datediff_week_inside", "{{ dbt.datediff(\"date '2024-03-17'\", \"date '2024-03-23'\", 'week') }}", "0"),
        ("dateadd_quarter", "cast({{ dbt.dateadd('quarter', 1, \"date '2024-01-31'\") }} as date)", "2024-04-30"),
    ];

    [Test]
    public void Every_scalar_macro_runs_on_duckdb_and_gives_dbts_value()
    {
        using var project = new TempProject("crossdb_scalars").WithProjectFile()
            .With("models/t.sql", "select * from (values (2024, 2, 29)) as v(y, m, d)");
        foreach (var (name, expression, _) in Scalars)
            project.With($"models/m_{name}.sql", $"{{{{ config(materialized='table') }}}}\nselect {expression} as v from {{{{ ref('t') }}}}\n");

        var result = project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.Multiple(() =>
        {
            foreach (var (name, expression, expected) in Scalars)
            {
                var value = Database.Scalar(project.DatabasePath, $"select cast(v as varchar) from main.m_{name}");
                Assert.That(value ?? "<null>", Is.EqualTo(expected), $"{name}: {expression}");
            }
        });
    }

    [Test]
    public void Date_spine_gives_one_row_per_day_from_the_start_up_to_the_end()
    {
        using var project = new TempProject("crossdb_spine").WithProjectFile()
            .With("models/days.sql", "{{ config(materialized='table') }}\nwith spine as (\n{{ dbt.date_spine('day', \"date '2023-09-01'\", \"date '2023-09-10'\") }}\n)\nselect cast(date_day as date) as date_day from spine\n")
            .With("models/months.sql", "{{ config(materialized='table') }}\n{{ date_spine('month', \"date '2024-01-01'\", \"date '2024-04-01'\") }}\n")
            // dbt's own test shapes: dates as quoted literals, and dates from date().
            .With("models/literals.sql", "{{ config(materialized='table') }}\n{{ date_spine('day', \"'2023-09-01'\", \"'2023-09-10'\") }}\n")
            .With("models/from_date.sql", "{{ config(materialized='table') }}\n{{ dbt.date_spine('day', dbt.date(2023, 9, 7), dbt.date(2023, 9, 10)) }}\n");

        var result = project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var days = Database.Query(project.DatabasePath, "select cast(date_day as varchar) from main.days order by 1").Select(r => (string?)r[0]);
        Assert.That(days, Is.EqualTo(Enumerable.Range(1, 9).Select(d => $"2023-09-0{d}")));
        var months = Database.Query(project.DatabasePath, "select cast(cast(date_month as date) as varchar) from main.months order by 1").Select(r => (string?)r[0]);
        Assert.That(months, Is.EqualTo(new[] { "2024-01-01", "2024-02-01", "2024-03-01" }));
        var literals = Database.Query(project.DatabasePath, "select cast(cast(date_day as date) as varchar) from main.literals order by 1").Select(r => (string?)r[0]);
        Assert.That(literals, Is.EqualTo(days));
        var fromDate = Database.Query(project.DatabasePath, "select cast(cast(date_day as date) as varchar) from main.from_date order by 1").Select(r => (string?)r[0]);
        Assert.That(fromDate, Is.EqualTo(new[] { "2023-09-07", "2023-09-08", "2023-09-09" }));
    }

    [Test]
    public void Date_spine_asks_the_database_for_the_interval_count_while_compiling()
    {
        using var project = new TempProject("crossdb_intervals").WithProjectFile()
            .With("models/spine.sql", "{{ config(materialized='table') }}\n{{ dbt.date_spine('day', \"date '2023-09-01'\", \"date '2023-09-04'\") }}\n");

        var result = project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        // The compiled model holds the answer (3) as a number, not the query that found it.
        var written = Directory.GetFiles(Path.Combine(project.Root, "target"), "spine.sql", SearchOption.AllDirectories);
        Assert.That(written, Is.Not.Empty);
        Assert.That(written.Select(File.ReadAllText), Has.All.Contains("generate_series(1, 3)"));
        Assert.That(Database.Scalar(project.DatabasePath, "select count(*) from main.spine"), Is.EqualTo(3L));
    }

    [Test]
    public void Generate_series_gives_the_numbers_from_one_to_the_bound_on_both_variants()
    {
        using var project = new TempProject("crossdb_series").WithProjectFile()
            .With("models/duckdb_series.sql", "{{ config(materialized='table') }}\nwith g as (\n{{ dbt.generate_series(10) }}\n)\nselect generated_number from g\n")
            .With("models/default_series.sql", "{{ config(materialized='table') }}\n{{ dbt.default__generate_series(37) }}\n");

        var result = project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Numbers(project, "duckdb_series"), Is.EqualTo(Enumerable.Range(1, 10)));
        Assert.That(Numbers(project, "default_series"), Is.EqualTo(Enumerable.Range(1, 37)));
    }

    [Test]
    public void Except_and_intersect_give_the_set_difference_and_the_common_rows()
    {
        using var project = new TempProject("crossdb_sets").WithProjectFile()
            .With("models/a.sql", "select * from (values (1), (2), (2), (3)) as v(n)")
            .With("models/b.sql", "select * from (values (2), (4)) as v(n)")
            .With("models/only_a.sql", "{{ config(materialized='table') }}\nselect n from {{ ref('a') }}\n{{ dbt.except() }}\nselect n from {{ ref('b') }}\n")
            .With("models/both.sql", "{{ config(materialized='table') }}\nselect n from {{ ref('a') }}\n{{ intersect() }}\nselect n from {{ ref('b') }}\n");

        var result = project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Numbers(project, "only_a", "n"), Is.EqualTo(new[] { 1, 3 }));
        Assert.That(Numbers(project, "both", "n"), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Equals_matches_equal_values_and_by_default_not_two_nulls()
    {
        using var project = new TempProject("crossdb_equals").WithProjectFile()
            .With("models/pairs.sql", "select * from (values (1, 1, 1), (2, 1, 2), (3, 1, null), (4, null, 1), (5, null, null), (6, 2, 2)) as v(k, x, y)")
            .With("models/same.sql", "{{ config(materialized='table') }}\nselect k from {{ ref('pairs') }} where {{ dbt.equals('x', 'y') }}\n")
            .With("models/different.sql", "{{ config(materialized='table') }}\nselect k from {{ ref('pairs') }} where not {{ equals('x', 'y') }}\n");

        var result = project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        // dbt's flag enable_truthy_nulls_equals_macro is off by default: a comparison with NULL is unknown both ways.
        Assert.That(Numbers(project, "same", "k"), Is.EqualTo(new[] { 1, 6 }));
        Assert.That(Numbers(project, "different", "k"), Is.EqualTo(new[] { 2 }));
    }

    private static IEnumerable<int> Numbers(TempProject project, string model, string column = "generated_number") =>
        Database.Query(project.DatabasePath, $"select cast({column} as integer) from main.{model} order by 1").Select(r => (int)r[0]!);
}
