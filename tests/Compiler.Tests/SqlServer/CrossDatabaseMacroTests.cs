using System.Text;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Tests.Context;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

/// <summary>The dbt cross-database macros render for both targets; the T-SQL variants parse.</summary>
public sealed class CrossDatabaseMacroTests
{
    /// <summary>Each macro call as a model expression (dbt's argument conventions), over table t(a, b, d, ts, s, flag).</summary>
    internal static readonly (string Name, string Expression)[] Calls =
    [
        ("dateadd", "{{ dateadd('day', 7, 'd') }}"),
        ("dateadd month", "{{ dateadd('month', 'a', 'ts') }}"),
        ("datediff", "{{ datediff('d', 'ts', 'day') }}"),
        ("datediff hour", "{{ datediff('ts', 'd', 'hour') }}"),
        ("date_trunc month", "{{ date_trunc('month', 'ts') }}"),
        ("date_trunc week", "{{ date_trunc('week', 'd') }}"),
        ("date_trunc day", "{{ date_trunc('day', 'ts') }}"),
        ("date_trunc second", "{{ date_trunc('second', 'ts') }}"),
        ("concat", "{{ concat(['s', \"'-'\", 'cast(a as ' ~ type_string() ~ ')']) }}"),
        ("concat one", "{{ concat(['s']) }}"),
        ("safe_cast", "{{ safe_cast('s', type_int()) }}"),
        ("type_string", "cast(a as {{ type_string() }})"),
        ("type_timestamp", "cast(d as {{ type_timestamp() }})"),
        ("type_int", "cast(b as {{ type_int() }})"),
        ("type_numeric", "cast(b as {{ type_numeric() }})"),
        ("current_timestamp", "{{ current_timestamp() }}"),
        ("hash", "{{ hash('s') }}"),
        ("listagg", "{{ listagg('s', \"', '\", 'order by s') }}"),
        ("listagg plain", "{{ listagg('s') }}"),
        ("split_part", "{{ split_part('s', \"'-'\", 2) }}"),
        ("any_value", "{{ any_value('s') }}"),
        ("bool_or", "{{ bool_or('a > 1') }}"),
        ("cast_bool_to_text", "{{ cast_bool_to_text('flag') }}"),
        ("escape_single_quotes", "'{{ escape_single_quotes(\"it's\") }}'"),
        ("last_day month", "{{ last_day('d', 'month') }}"),
        ("last_day quarter", "{{ last_day('d', 'quarter') }}"),
        ("position", "{{ position(\"'-'\", 's') }}"),
        ("length", "{{ length('s') }}"),
        ("right", "{{ right('s', 2) }}"),
        ("replace", "{{ replace('s', \"'-'\", \"'+'\") }}"),
        ("split_part negative", "{{ split_part('s', \"'-'\", -1) }}"),
        ("type_float", "cast(b as {{ type_float() }})"),
        ("type_bigint", "cast(b as {{ type_bigint() }})"),
        ("type_boolean", "cast(b as {{ type_boolean() }})"),
        ("cast", "{{ cast('s', type_int()) }}"),
        ("string_literal", "{{ string_literal('north') }}"),
        ("date", "{{ date(2023, 9, 7) }}"),
        ("array_construct", "{{ array_construct(['a', 'b', \"'x'\"]) }}"),
        ("array_construct empty", "{{ array_construct([]) }}"),
        ("array_append", "{{ array_append(array_construct(['a']), 'b') }}"),
        ("array_concat", "{{ array_concat(array_construct(['a']), array_construct(['b'])) }}"),
        ("equals", "case when {{ equals('a', 'b') }} then 1 else 0 end"),
        ("current_timestamp_backcompat", "{{ current_timestamp_backcompat() }}"),
        ("current_timestamp_in_utc_backcompat", "{{ current_timestamp_in_utc_backcompat() }}"),
        ("snapshot_get_time", "{{ snapshot_get_time() }}"),
        ("default_last_day", "{{ dbt.default_last_day('d', 'year') }}"),
        ("datediff week", "{{ datediff('d', 'ts', 'week') }}"),
        ("datediff second", "{{ datediff('d', 'ts', 'second') }}"),
        ("datediff millisecond", "{{ datediff('d', 'ts', 'millisecond') }}"),
    ];

    internal static string Render(string target, string expression)
    {
        var harness = new RenderHarness();
        harness.Context.Target = new TargetInfo("dev", target, "analytics", "warehouse");
        return harness.Render(expression);
    }

    /// <summary>Aggregates need a GROUP BY-free query; everything else is a per-row expression.</summary>
    internal static string Query(string expression) => $"select {expression} as v from t";

    [Test]
    public void Every_macro_renders_for_both_targets_as_in_the_golden_file()
    {
        var text = new StringBuilder();
        foreach (var (name, expression) in Calls)
        {
            text.Append("-- ").Append(name).Append(": ").Append(expression).Append('\n');
            text.Append("duckdb:    ").Append(Render("duckdb", expression)).Append('\n');
            text.Append("sqlserver: ").Append(Render("sqlserver", expression)).Append("\n\n");
        }
        GoldenFile.Verify("tests/Golden/SqlServer/cross-db-macros.verified.txt", text.ToString());
    }

    [Test]
    public void Every_sqlserver_variant_parses_as_TSql()
    {
        foreach (var (name, expression) in Calls) TSqlAssert.Parses(Query(Render("sqlserver", expression)), name);
    }

    [Test]
    public void SqlServer_strings_are_never_cast_to_a_bare_varchar()
    {
        foreach (var (_, expression) in Calls)
        {
            var sql = Render("sqlserver", expression).ToLowerInvariant().Replace(" ", "");
            Assert.That(sql, Does.Not.Contain("asvarchar)").And.Not.Contain("asnvarchar)"), expression);
        }
    }

    [Test]
    public void Listagg_with_a_limit_is_refused_on_SqlServer_with_the_reason()
    {
        var harness = new RenderHarness();
        harness.Context.Target = new TargetInfo("dev", "sqlserver", "analytics");
        var error = harness.Fails("{{ listagg('s', \"','\", 'order by s', 3) }}");
        Assert.That(error.Message, Does.Contain("STRING_AGG has no limit"));
    }

    [Test]
    public void A_project_can_override_one_target_variant()
    {
        var harness = new RenderHarness().WithMacros("macros/any_value.sql", "{% macro sqlserver__any_value(expression) %}max({{ expression }}){% endmacro %}");
        harness.Context.Target = new TargetInfo("dev", "sqlserver", "analytics");
        Assert.That(harness.Render("{{ any_value('s') }}"), Is.EqualTo("max(s)"));
    }
}
