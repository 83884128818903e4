using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>A project's generate_*_name override runs once per custom name when it can only read that name and target.</summary>
public sealed class RelationNamerTests
{
    private const string BenchSchemaMacro = """
        {% macro generate_schema_name(custom_schema_name, node) -%}
            {%- if custom_schema_name is none -%}
                {{ target.schema }}
            {%- else -%}
                {{ custom_schema_name | trim }}
            {%- endif -%}
        {%- endmacro %}
        """;

    [Test]
    public void An_override_reading_only_its_argument_and_target_runs_once_per_custom_name()
    {
        var namer = Namer(BenchSchemaMacro);

        var schemas = Schemas(namer, "marts", null, "marts", " marts ", null, "staging");

        Assert.That(schemas, Is.EqualTo(new[] { "marts", "analytics", "marts", "marts", "analytics", "staging" }));
        // marts, none, " marts " (a different argument) and staging: four calls for six nodes
        Assert.That(namer.MacroCalls, Is.EqualTo(4));
    }

    [Test]
    public void An_empty_custom_name_and_none_are_remembered_apart()
    {
        var namer = Namer(BenchSchemaMacro);

        var schemas = Schemas(namer, "", null, "", null);

        Assert.That(schemas, Is.EqualTo(new[] { "", "analytics", "", "analytics" }));
        Assert.That(namer.MacroCalls, Is.EqualTo(2));
    }

    [TestCase("{{ node.name }}_{{ custom_schema_name }}")]
    [TestCase("{{ var('schema_prefix', 'v') }}_{{ node.name }}")]
    [TestCase("{{ env_var('SCHEMA_SUFFIX', 'e') }}_{{ model.name }}")]
    [TestCase("{% set n = node %}{{ n.name }}")]
    public void An_override_that_reads_the_node_var_or_env_var_still_runs_per_node(string body)
    {
        var namer = Namer("{% macro generate_schema_name(custom_schema_name, node) %}" + body + "{% endmacro %}");

        var schemas = Schemas(namer, "marts", "marts", "marts");

        Assert.That(namer.MacroCalls, Is.EqualTo(3));
        Assert.That(schemas, Has.Length.EqualTo(3));
    }

    [Test]
    public void A_per_node_override_names_each_node_from_its_own_node()
    {
        var namer = Namer("{% macro generate_schema_name(custom_schema_name, node) %}{{ custom_schema_name }}_{{ node.name }}{% endmacro %}");

        Assert.That(Schemas(namer, "s", "s", "s"), Is.EqualTo(new[] { "s_m0", "s_m1", "s_m2" }));
    }

    [Test]
    public void Alias_and_database_overrides_are_memoised_alike()
    {
        var namer = Namer("""
            {% macro generate_alias_name(custom_alias_name, node) %}{{ (custom_alias_name or 'x') | upper }}{% endmacro %}
            {% macro generate_database_name(custom_database_name, node) %}{{ return(custom_database_name or target.database) }}{% endmacro %}
            """);

        var relations = Enumerable.Range(0, 3).Select(i => namer.Name(Draft(i), Config(null, alias: "a"), "view")).ToList();

        Assert.That(relations.Select(r => (r.Database, r.Identifier)), Is.All.EqualTo(("warehouse", "A")));
        Assert.That(namer.MacroCalls, Is.EqualTo(2));
    }

    private static RelationNamer Namer(string macros)
    {
        var harness = new RenderHarness().WithMacros("macros/naming.sql", macros);
        return new RelationNamer(harness.Context.Project(), harness.Context.Target);
    }

    private static string?[] Schemas(RelationNamer namer, params string?[] customs) =>
        customs.Select((custom, i) => namer.Name(Draft(i), Config(custom), "view").Schema).ToArray();

    private static NodeConfig Config(string? schema, string? alias = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["materialized"] = "view" };
        if (schema is not null) values["schema"] = schema;
        if (alias is not null) values["alias"] = alias;
        return new NodeConfig(values, ResourceType.Model);
    }

    private static ProjectNode Draft(int i) => new()
    {
        UniqueId = $"model.shop.m{i}",
        Name = $"m{i}",
        ResourceType = ResourceType.Model,
        PackageName = "shop",
        Path = $"models/m{i}.sql",
        Fqn = ["shop", $"m{i}"],
        Config = Config(null),
        Relation = null!,
    };
}
