using NUnit.Framework;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Tests.Context;

public sealed class RelationMappingTests
{
    private static string Render(string model, string targetType = "duckdb")
    {
        var harness = new RenderHarness();
        harness.Context.Target = new TargetInfo("dev", targetType, "analytics", "warehouse", 1, "shop");
        return harness.Render(model);
    }

    [Test]
    public void A_relation_is_a_mapping_with_dbts_to_dict_keys()
    {
        ITemplateMapping relation = new Relation("warehouse", "analytics", "orders", RelationType.Table, RelationQuoting.DuckDb);
        Assert.That(relation.Keys, Is.SupersetOf(new[] { "path", "type", "quote_policy", "include_policy", "limit", "require_alias", "quote_character" }));
        Assert.That(relation.TryGetItem("path", out var path), Is.True);
        Assert.That(path, Is.EqualTo(new Dictionary<string, object?> { ["database"] = "warehouse", ["schema"] = "analytics", ["identifier"] = "orders" }));
        Assert.That(relation.TryGetItem("type", out var type) && (string?)type == "table");
        Assert.That(relation.TryGetItem("limit", out var limit) && limit is null);
        Assert.That(relation.TryGetItem("nope", out _), Is.False);
    }

    [Test]
    public void Metadata_names_the_adapters_relation_class_as_dbt_utils_checks_it()
    {
        const string model = "{% set r = api.Relation.create(schema='s', identifier='t') %}{{ r.get('metadata', {}).get('type', '') }} {{ r.get('metadata', {}).get('type', '').endswith('Relation') }}";
        Assert.That(Render(model), Is.EqualTo("DuckDBRelation True"));
        Assert.That(Render(model, "sqlserver"), Is.EqualTo("SQLServerRelation True"));
    }

    [Test]
    public void A_relation_is_hashable_as_a_dict_key_as_in_dbt_utils_unpivot() =>
        Assert.That(Render("{% set d = {} %}{% do d.update({this: [1]}) %}{{ d[this] }} {{ this in d }}"), Is.EqualTo("[1] True"));

    [Test]
    public void Get_reads_fields_and_falls_back_to_the_default() =>
        Assert.That(Render("{{ this.get('type') }} {{ this.get('path')['identifier'] }} {{ this.get('missing', 'dflt') }} {{ this['quote_policy']['schema'] }}"),
            Is.EqualTo("view orders dflt True"));

    [Test]
    public void Without_identifier_renders_the_schema_and_has_no_identifier() =>
        Assert.That(Render("{% set r = this.without_identifier() %}{{ r }}|{{ r.identifier is none }}|{{ r.schema }}"),
            Is.EqualTo("\"warehouse\".\"analytics\"|True|analytics"));

    [Test]
    public void Include_and_quote_with_none_keep_the_current_policy() =>
        Assert.That(Render("{{ this.include(database=none, schema=false) }} {{ this.quote(schema=none, identifier=false) }}"),
            Is.EqualTo("\"warehouse\".\"orders\" \"warehouse\".\"analytics\".orders"));

    [Test]
    public void Create_accepts_a_quote_policy_and_type_constants_name_the_types() =>
        Assert.That(Render("{% set r = api.Relation.create(schema='s', identifier='t', type=api.Relation.View, quote_policy={'identifier': false}) %}{{ r }} {{ r.is_view }} {{ r.type }} {{ api.Relation.CTE }}"),
            Is.EqualTo("\"s\".t True view cte"));

    [Test]
    public void Ephemeral_prefix_is_dbts() =>
        Assert.That(Render("{{ api.Relation.add_ephemeral_prefix('stg') }}"), Is.EqualTo("__dbt__cte__stg"));

    [Test]
    public void Equal_relations_compare_equal_and_keep_rendering() =>
        Assert.That(Render("{{ ref('a') == ref('a') }} {{ ref('a') == ref('b') }} {{ ref('a') | string }} {{ ref('a').incorporate(type='view').is_view }}"),
            Is.EqualTo("True False \"warehouse\".\"analytics\".\"a\" True"));

    [Test]
    public void Relation_used_as_a_dict_key_finds_its_entry()
    {
        var a = new Relation("w", "s", "t", RelationType.Table, RelationQuoting.DuckDb);
        var b = new Relation("w", "s", "t", RelationType.Table, RelationQuoting.DuckDb);
        var dict = new Dictionary<object, int> { [a] = 1 };
        Assert.That(dict[b], Is.EqualTo(1));
    }
}
