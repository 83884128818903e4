using System.Buffers;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Lineage;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// manifest.json writes nodes straight from the project, and templates read them as dictionaries
/// (<c>graph.nodes</c>, <c>model</c>): both must hold the same fields, in the same order, with the same values.
/// </summary>
public sealed class NodeJsonTests
{
    [Test]
    public void Every_node_of_the_demo_project_is_written_as_its_dictionary() => AssertSame(DemoProject.Project);

    [Test]
    public void Every_node_of_the_dbt_style_fixture_is_written_as_its_dictionary() =>
        AssertSame(DemoProject.Load(Path.Combine(RepositoryRoot.Resolve("tests/fixtures"), "dbt_style_project")));

    [Test]
    public void Versions_groups_sources_snapshots_and_tests_are_written_as_their_dictionaries()
    {
        using var project = new TempProject("shop").WithProjectFile()
            .With("seeds/raw_orders.csv", "id,amount\n1,2\n")
            .With("models/orders_v1.sql", "select id, amount from {{ ref('raw_orders') }}")
            .With("models/orders_v2.sql", "select id from {{ source('shop_raw', 'payments') }}")
            .With("models/lookup.sql", "{{ config(materialized='ephemeral', tags=['x'], meta={'owner': 'ops'}, docs={'show': false, 'node_color': 'red'}) }}select 1 as id")
            .With("models/uses_lookup.sql", "{{ config(materialized='table', contract={'enforced': true, 'alias_types': false}) }}select id from {{ ref('lookup') }}")
            .With("snapshots/orders_snapshot.sql", "{% snapshot orders_snapshot %}{{ config(unique_key='id', strategy='check', check_cols='all', target_schema='snaps') }}select * from {{ ref('raw_orders') }}{% endsnapshot %}")
            .With("tests/no_negative.sql", "select * from {{ ref('orders', v=1) }} where amount < 0")
            .With("models/schema.yml", """
                groups:
                  - name: finance
                    owner: {name: Fin}
                sources:
                  - name: shop_raw
                    description: "the \"raw\" shop <data>"
                    loader: fivetran
                    loaded_at_field: _loaded
                    tables:
                      - name: payments
                        columns:
                          - name: id
                            description: payment id
                            data_tests: [not_null]
                models:
                  - name: orders
                    latest_version: 1
                    group: finance
                    access: public
                    config: {deprecation_date: 2030-01-01}
                    columns:
                      - name: id
                        data_type: int
                        meta: {pii: false}
                        tags: [key]
                        data_tests: [unique, {accepted_values: {values: [1, 2]}}]
                    versions:
                      - v: 1
                      - v: 2
                  - name: uses_lookup
                    columns:
                      - name: id
                        data_type: integer
                """);

        AssertSame(DemoProject.Load(project.Root));
    }

    [Test]
    public void A_column_declared_twice_keeps_its_first_place_and_its_last_properties()
    {
        using var project = new TempProject("cols").WithProjectFile()
            .With("models/m.sql", "select 1 as a, 2 as b, 3 as c")
            .With("models/schema.yml", """
                models:
                  - name: m
                    columns:
                      - name: a
                        description: first
                      - name: b
                      - name: c
                      - name: a
                        description: last
                """);
        var node = DemoProject.Load(project.Root).Nodes["model.cols.m"];

        var columns = JsonDocument.Parse(Json(json =>
        {
            json.WriteStartObject();
            NodeDictionary.Write(node, new NodeJsonSink(json));
            json.WriteEndObject();
        })).RootElement.GetProperty("columns");
        Assert.That(columns.EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(columns.GetProperty("a").GetProperty("description").GetString(), Is.EqualTo("last"));
    }

    private static void AssertSame(CompiledProject project)
    {
        var types = project.Nodes.Values.Select(n => n.ResourceType).Distinct().ToList();
        Assert.That(types, Has.Count.GreaterThanOrEqualTo(2), "the project has several kinds of node");
        foreach (var node in project.Nodes.Values)
        {
            var direct = Json(json =>
            {
                json.WriteStartObject();
                NodeDictionary.Write(node, new NodeJsonSink(json));
                json.WriteEndObject();
            });
            var dictionary = Json(json => JsonValueWriter.Write(json, NodeDictionary.Of(node)));
            Assert.That(direct, Is.EqualTo(dictionary), node.UniqueId);
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true })) write(json);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
