using ModelForge.Compiler.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Context;

public sealed class RenderTests
{
    [Test]
    public void Ref_var_this_and_target_render_into_sql()
    {
        var harness = new RenderHarness();
        harness.Context.Vars["days"] = 3L;
        var sql = harness.Render("select * from {{ ref('stg_orders') }} where age < {{ var('days') }} -- {{ this }} in {{ target.schema }}");
        Assert.That(sql, Is.EqualTo("select * from \"warehouse\".\"analytics\".\"stg_orders\" where age < 3 -- \"warehouse\".\"analytics\".\"orders\" in analytics"));
    }

    [Test]
    public void Config_records_and_is_incremental_guards_the_filter()
    {
        var harness = new RenderHarness();
        harness.Context.Adapter = new FakeAdapter();
        harness.Context.Adapter.Relations["analytics.orders"] = new Relation("warehouse", "analytics", "orders", RelationType.Table, RelationQuoting.DuckDb);
        const string model = "{{ config(materialized='incremental', unique_key='id') }}select * from src" +
                             "{% if is_incremental() %} where id > (select max(id) from {{ this }}){% endif %}";
        Assert.That(harness.Render(model), Is.EqualTo("select * from src where id > (select max(id) from \"warehouse\".\"analytics\".\"orders\")"));
        Assert.That(harness.Context.Config["unique_key"], Is.EqualTo("id"));
        harness.Context.FullRefresh = true;
        Assert.That(harness.Render(model), Is.EqualTo("select * from src"));
    }

    [Test]
    public void Config_get_reads_in_the_template()
    {
        var harness = new RenderHarness();
        Assert.That(harness.Render("{{ config.get('materialized') }}/{{ config.get('missing', 'dflt') }}"), Is.EqualTo("view/dflt"));
    }

    [Test]
    public void Builtin_generate_schema_name_appends_a_trimmed_custom_schema()
    {
        var harness = new RenderHarness();
        Assert.That(harness.Render("{{ generate_schema_name(none) }}|{{ generate_schema_name(' marts ') }}"), Is.EqualTo("analytics|analytics_marts"));
    }

    [Test]
    public void Project_generate_schema_name_overrides_the_builtin()
    {
        var harness = new RenderHarness().WithMacros("macros/generate_schema_name.sql",
            "{% macro generate_schema_name(custom_schema_name, node) %}{{ custom_schema_name or target.schema }}{% endmacro %}");
        Assert.That(harness.Render("{{ generate_schema_name('marts') }}"), Is.EqualTo("marts"));
    }

    [Test]
    public void Project_default_generate_schema_name_is_found_by_the_builtin_dispatch()
    {
        var harness = new RenderHarness().WithMacros("macros/schemas.sql",
            "{% macro default__generate_schema_name(custom_schema_name, node) %}custom_{{ custom_schema_name }}{% endmacro %}");
        Assert.That(harness.Render("{{ generate_schema_name('x') }}"), Is.EqualTo("custom_x"));
    }

    [Test]
    public void Builtin_generate_alias_and_database_names()
    {
        var harness = new RenderHarness();
        const string model =
            "{{ generate_alias_name(none, {'name': 'orders', 'version': none}) }}|" +
            "{{ generate_alias_name(none, {'name': 'orders', 'version': 2}) }}|" +
            "{{ generate_alias_name('o2', {'name': 'orders'}) }}|" +
            "{{ generate_database_name(none) }}|{{ generate_database_name('lake') }}";
        Assert.That(harness.Render(model), Is.EqualTo("orders|orders_v2|o2|warehouse|lake"));
    }

    [Test]
    public void Adapter_dispatch_call_pattern_picks_the_target_macro()
    {
        // Not named concat: the built-in sqlserver__concat would win the global search, as in dbt.
        var harness = new RenderHarness().WithMacros("macros/join_two.sql",
            "{% macro join_two(a, b) %}{{ return(adapter.dispatch('join_two')(a, b)) }}{% endmacro %}\n" +
            "{% macro default__join_two(a, b) %}{{ a }} || {{ b }}{% endmacro %}\n" +
            "{% macro duckdb__join_two(a, b) %}concat({{ a }}, {{ b }}){% endmacro %}");
        Assert.That(harness.Render("{{ join_two('x', 'y') }}"), Is.EqualTo("concat(x, y)"));
        harness.Context.Target = new TargetInfo("prod", "sqlserver", "dbo");
        Assert.That(harness.Render("{{ join_two('x', 'y') }}"), Is.EqualTo("x || y"));
    }

    [Test]
    public void Statement_call_block_and_load_result()
    {
        var harness = new RenderHarness();
        harness.Context.Adapter = new FakeAdapter { NextResult = new QueryResult(["max_id"], [[42]]) };
        const string model =
            "{% call statement('max_id', fetch_result=True) %}select max(id) from t{% endcall %}" +
            "{% if execute %}{{ load_result('max_id')['data'][0][0] }}|{{ load_result('max_id')['table'].columns['max_id'].values()[0] }}{% endif %}";
        Assert.That(harness.Render(model), Is.EqualTo("42|42"));
        Assert.That(harness.Context.Adapter.Statements, Is.EqualTo(new[] { "query: select max(id) from t" }));
    }

    [Test]
    public void Statement_runs_nothing_while_parsing()
    {
        var harness = new RenderHarness { Context = { Phase = RenderPhase.Parse } };
        harness.Context.Adapter = new FakeAdapter();
        var text = harness.Render("{% call statement('x', fetch_result=True) %}select 1{% endcall %}{{ load_result('x') is none }}");
        Assert.That(text, Is.EqualTo("True"));
        Assert.That(harness.Context.Adapter.Statements, Is.Empty);
    }

    [Test]
    public void Run_query_results_loop_over_rows_and_columns()
    {
        var harness = new RenderHarness();
        harness.Context.Adapter = new FakeAdapter { NextResult = new QueryResult(["method"], [["card"], ["cash"]]) };
        const string model =
            "{% set methods = run_query('select distinct method from p') %}" +
            "{% for m in methods.columns[0].values() %}{{ m }}{% if not loop.last %},{% endif %}{% endfor %}|" +
            "{% for row in methods.rows %}{{ row['method'] }}{{ row[0] }}{% endfor %}|{{ methods.rows | length }}";
        Assert.That(harness.Render(model), Is.EqualTo("card,cash|cardcardcashcash|2"));
    }

    [Test]
    public void Return_gives_a_value_to_the_caller()
    {
        var harness = new RenderHarness().WithMacros("macros/cols.sql", "{% macro cols() %}{{ return(['a', 'b']) }}{% endmacro %}");
        Assert.That(harness.Render("{{ cols() | join(', ') }}"), Is.EqualTo("a, b"));
    }

    [Test]
    public void Missing_var_points_at_its_call_in_the_model()
    {
        var diagnostic = new RenderHarness().Fails("select 1\nwhere x = {{ var('cutoff') }}");
        Assert.That(diagnostic.Code, Is.EqualTo("MF2500"));
        Assert.That(diagnostic.Span!.Value.ToString(), Is.EqualTo("models/orders.sql:2:14"));
    }

    [Test]
    public void Compiler_error_raised_in_a_macro_names_the_model_and_the_macro_frame()
    {
        var harness = new RenderHarness().WithMacros("macros/check.sql",
            "{% macro check(x) %}\n  {{ exceptions.raise_compiler_error('bad value ' ~ x) }}\n{% endmacro %}");
        var diagnostic = harness.Fails("select 1 -- {{ check(3) }}");
        Assert.That(diagnostic.Code, Is.EqualTo("MF2503"));
        Assert.That(diagnostic.Message, Is.EqualTo("Compilation error in model 'orders': bad value 3"));
        Assert.That(diagnostic.Span!.Value.ToString(), Does.StartWith("macros/check.sql:2:"));
        Assert.That(diagnostic.Frames.Select(f => f.Span.Path), Does.Contain("models/orders.sql"));
    }

    [Test]
    public void Modules_datetime_re_and_json_work_in_templates()
    {
        var harness = new RenderHarness();
        const string model =
            "{{ modules.datetime.datetime(2024, 1, 31).strftime('%Y%m%d') }}|{{ run_started_at.strftime('%Y-%m-%d') }}|" +
            "{{ modules.re.sub('[^a-z]+', '_', 'a-b c') }}|{{ tojson({'a': [1, none]}) }}|{{ fromjson('[1, 2]')[1] }}";
        Assert.That(harness.Render(model), Is.EqualTo("20240131|2024-03-10|a_b_c|{\"a\": [1, null]}|2"));
    }

    [Test]
    public void Date_comparison_uses_equality_of_datetimes()
    {
        var harness = new RenderHarness();
        Assert.That(harness.Render("{{ modules.datetime.date(2024, 1, 1) == modules.datetime.date(2024, 1, 1) }}"), Is.EqualTo("True"));
    }

    [Test]
    public void Date_arithmetic_with_operators()
    {
        var harness = new RenderHarness();
        Assert.That(harness.Render("{{ (run_started_at - modules.datetime.timedelta(days=1)).strftime('%Y-%m-%d') }}"), Is.EqualTo("2024-03-09"));
    }

    [Test]
    public void Log_and_print_render_nothing_and_reach_the_sink()
    {
        var harness = new RenderHarness();
        Assert.That(harness.Render("a{{ log('hello', info=True) }}b{{ print('x') }}c"), Is.EqualTo("abc"));
        Assert.That(harness.Context.Messages.Select(m => m.Text), Is.EqualTo(new[] { "hello", "x" }));
    }

    [Test]
    public void Env_var_with_default_and_macros_calling_context_functions()
    {
        var harness = new RenderHarness().WithMacros("macros/src.sql", "{% macro raw(t) %}{{ source('raw', t) }}{% endmacro %}");
        harness.Context.Environment["SHOP_REGION"] = "eu";
        Assert.That(harness.Render("{{ env_var('SHOP_REGION') }}/{{ env_var('NOPE', 'x') }}/{{ raw('payments') }}"),
            Is.EqualTo("eu/x/\"warehouse\".\"raw\".\"payments\""));
    }
}
