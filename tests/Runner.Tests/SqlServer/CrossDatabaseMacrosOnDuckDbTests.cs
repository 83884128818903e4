using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>
/// The DuckDB variants of the cross-database macros run, and give the values the SQL Server variants
/// are written to give (both render from one model; see tests/Golden/SqlServer/cross-db-macros.verified.txt).
/// </summary>
public sealed class CrossDatabaseMacrosOnDuckDbTests
{
    // Over one row: a=1, b=2, d=2024-03-15 (a Friday), ts=2024-03-15 10:20:30, s='a-b-c', flag=true.
    private static readonly (string Name, string Expression, string Expected)[] Cases =
    [
        ("dateadd", "{{ dateadd('day', 7, 'd') }}", "2024-03-22 00:00:00"),
        ("dateadd_column", "{{ dateadd('month', 'a', 'ts') }}", "2024-04-15 10:20:30"),
        ("datediff", "{{ datediff('d', 'ts', 'hour') }}", "10"),
        ("date_trunc_month", "{{ date_trunc('month', 'ts') }}", "2024-03-01 00:00:00"),
        ("date_trunc_week", "{{ date_trunc('week', 'd') }}", "2024-03-11 00:00:00"),
        ("concat", "{{ concat(['s', \"'!'\", 'cast(a as ' ~ type_string() ~ ')']) }}", "a-b-c!1"),
        ("concat_one", "{{ concat(['s']) }}", "a-b-c"),
        ("safe_cast", "{{ safe_cast('s', type_int()) }}", "<null>"),
        ("type_timestamp", "cast(d as {{ type_timestamp() }})", "2024-03-15 00:00:00"),
        ("type_numeric", "cast(b as {{ type_numeric() }})", "2.000000"),
        ("current_timestamp", "{{ current_timestamp() }} is not null", "true"),
        ("hash", "{{ hash('s') }}", "7b193b3d33184464106f41ddf733783b"),
        ("listagg", "{{ listagg('s', \"'|'\", 'order by s') }}", "a-b-c"),
        ("listagg_limit", "{{ listagg('s', \"'|'\", 'order by s', 1) }}", "a-b-c"),
        ("split_part", "{{ split_part('s', \"'-'\", 2) }}", "b"),
        ("any_value", "{{ any_value('s') }}", "a-b-c"),
        ("bool_or", "{{ bool_or('a > 0') }}", "true"),
        ("cast_bool_to_text", "{{ cast_bool_to_text('flag') }}", "true"),
        ("escape_single_quotes", "'{{ escape_single_quotes(\"it's\") }}'", "it's"),
        ("last_day_month", "{{ last_day('d', 'month') }}", "2024-03-31"),
        ("last_day_quarter", "{{ last_day('d', 'quarter') }}", "2024-03-31"),
        ("position", "{{ position(\"'-'\", 's') }}", "2"),
        ("length", "{{ length('s') }}", "5"),
        ("right", "{{ right('s', 2) }}", "-c"),
        ("replace", "{{ replace('s', \"'-'\", \"'+'\") }}", "a+b+c"),
    ];

    [Test]
    public void Every_duckdb_variant_runs_and_gives_the_expected_value()
    {
        using var project = new TempProject("crossdb").WithProjectFile()
            .With("models/t.sql", "select * from (values (1, 2, date '2024-03-15', timestamp '2024-03-15 10:20:30', 'a-b-c', true)) as v(a, b, d, ts, s, flag)");
        foreach (var (name, expression, _) in Cases)
        {
            project.With($"models/m_{name}.sql", $"{{{{ config(materialized='table') }}}}\nselect {expression} as v from {{{{ ref('t') }}}}\n");
        }

        var result = project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.Multiple(() =>
        {
            foreach (var (name, expression, expected) in Cases)
            {
                var value = Database.Scalar(project.DatabasePath, $"select cast(v as varchar) from main.m_{name}");
                Assert.That(value ?? "<null>", Is.EqualTo(expected), $"{name}: {expression}");
            }
        });
    }
}
