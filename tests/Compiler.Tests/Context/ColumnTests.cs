using NUnit.Framework;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Tests.Context;

public sealed class ColumnTests
{
    private static string Render(string model, string targetType = "duckdb")
    {
        var harness = new RenderHarness();
        harness.Context.Target = new TargetInfo("dev", targetType, "analytics", "warehouse", 1, "shop");
        return harness.Render(model);
    }

    [Test]
    public void DuckDb_varchar_is_a_string_whose_data_type_carries_the_default_size() =>
        Assert.That(
            Render("{% set c = api.Column('name', 'VARCHAR') %}{{ c.is_string() }} {{ c.dtype }} {{ c.data_type }} {{ c.string_size() }} {{ c.column }}"),
            Is.EqualTo("True VARCHAR character varying(256) 256 name"));

    [Test]
    public void Numeric_data_type_carries_precision_and_scale() =>
        Assert.That(
            Render("{% set c = api.Column('amount', 'numeric', numeric_precision=18, numeric_scale=2) %}{{ c.data_type }} {{ c.is_numeric() }} {{ c.is_number() }} {{ c.is_integer() }}"),
            Is.EqualTo("numeric(18,2) True True False"));

    [Test]
    public void DuckDb_hugeint_is_an_integer_and_double_a_float() =>
        Assert.That(
            Render("{{ api.Column('a', 'HUGEINT').is_integer() }} {{ api.Column('b', 'DOUBLE').is_float() }} {{ api.Column('c', 'DATE').is_number() }}"),
            Is.EqualTo("True True False"));

    [Test]
    public void String_size_of_a_number_column_is_an_error_at_the_call()
    {
        var harness = new RenderHarness();
        var diagnostic = harness.Fails("{{ api.Column('id', 'integer').string_size() }}");
        Assert.That(diagnostic.Code, Is.EqualTo("MF2520"));
        Assert.That(diagnostic.Message, Does.Contain("'id' (integer)"));
        Assert.That(diagnostic.Span, Is.Not.Null);
    }

    [Test]
    public void A_shorter_string_can_expand_to_a_longer_one_only() =>
        Assert.That(
            Render("{% set a = api.Column('a', 'varchar', char_size=10) %}{% set b = api.Column('b', 'varchar', char_size=20) %}" +
                   "{{ a.can_expand_to(b) }} {{ b.can_expand_to(a) }} {{ a.can_expand_to(api.Column('n', 'integer')) }}"),
            Is.EqualTo("True False False"));

    [Test]
    public void Literal_casts_the_way_the_target_does()
    {
        Assert.That(Render("{{ api.Column('d', 'date').literal(\"'2024-01-01'\") }}"), Is.EqualTo("'2024-01-01'::date"));
        Assert.That(Render("{{ api.Column('s', 'varchar', char_size=20).literal('x') }}", "sqlserver"), Is.EqualTo("cast('x' as varchar(20))"));
    }

    [Test]
    public void Translate_type_and_create_use_the_target_labels()
    {
        Assert.That(Render("{{ api.Column.translate_type('string') }} {{ api.Column.create('x', 'string').dtype }} {{ api.Column.translate_type('integer') }}"),
            Is.EqualTo("TEXT TEXT integer"));
        Assert.That(Render("{{ api.Column.translate_type('string') }} {{ api.Column.translate_type('timestamp') }} {{ api.Column.create('x', 'integer').dtype }}", "sqlserver"),
            Is.EqualTo("VARCHAR(8000) DATETIME2(6) INT"));
    }

    [Test]
    public void SqlServer_strings_default_to_8000_and_nvarchar_is_not_a_string_as_in_dbt_sqlserver() =>
        Assert.That(
            Render("{{ api.Column('a', 'varchar').data_type }} {{ api.Column('b', 'nvarchar').is_string() }} {{ api.Column('t', 'datetime2').data_type }} {{ api.Column('m', 'money').is_numeric() }}", "sqlserver"),
            Is.EqualTo("varchar(8000) False datetime2(6) True"));

    [Test]
    public void From_description_reads_sizes_from_the_type_text() =>
        Assert.That(
            Render("{% set a = api.Column.from_description('a', 'varchar(20)') %}{% set b = api.Column.from_description('b', 'decimal(10,3)') %}" +
                   "{{ a.dtype }} {{ a.char_size }} {{ b.numeric_precision }} {{ b.numeric_scale }} {{ b.data_type }}"),
            Is.EqualTo("varchar 20 10 3 decimal(10,3)"));

    [Test]
    public void Quoted_name_uses_the_target_quotes() =>
        Assert.That(Render("{{ api.Column('order id', 'int').quoted }}", "sqlserver"), Is.EqualTo("[order id]"));

    [Test]
    public void Columns_from_the_adapter_follow_the_target_rules()
    {
        var harness = new RenderHarness();
        harness.Context.Adapter = new FakeAdapter();
        harness.Context.Adapter.Relations["analytics.customers"] = new Relation(null, "analytics", "customers", RelationType.Table, RelationQuoting.DuckDb);
        var text = harness.Render("{% for c in adapter.get_columns_in_relation(api.Relation.create(schema='analytics', identifier='customers')) %}{{ c.name }}:{{ c.data_type }}:{{ c.is_string() }} {% endfor %}");
        Assert.That(text, Is.EqualTo("id:INTEGER:False name:character varying(256):True "));
    }
}
