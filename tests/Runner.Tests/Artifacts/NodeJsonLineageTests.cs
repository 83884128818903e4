using System.Buffers;
using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Runner.Tests.Lineage;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// A model's columns with lineage are streamed when no two output columns are named alike; the result must be what
/// merging the lineage into the declared columns' dictionaries (LineageColumns.Add) writes, byte for byte.
/// </summary>
public sealed class NodeJsonLineageTests
{
    private static readonly ColumnOrigin FromId = new("model.cols.up", "id", LineageKind.Direct);
    private static readonly ColumnOrigin FromAmount = new("model.cols.up", "amount_cents", LineageKind.Transformed);

    [Test]
    public void Lineage_lands_on_the_declared_column_named_alike_and_new_columns_follow()
    {
        var lineage = new ModelLineage("model.cols.m", [
            new ColumnLineage("ID", [FromId], null),
            new ColumnLineage("amount", [FromAmount, FromId], "one \"origin\" <unknown>"),
            new ColumnLineage("literal", [], null),
        ], null);
        AssertStreamedAsMerged(Node("id", "Id", "b"), lineage);
    }

    [Test]
    public void Output_columns_named_alike_are_merged_as_dictionaries()
    {
        var lineage = new ModelLineage("model.cols.m", [
            new ColumnLineage("a", [FromId], "first"),
            new ColumnLineage("A", [FromAmount], null),
            new ColumnLineage("new", [FromId], null),
            new ColumnLineage("NEW", [], "second"),
        ], null);
        AssertStreamedAsMerged(Node("a", "b"), lineage);
    }

    [Test]
    public void Lineage_without_declared_columns_adds_every_column() =>
        AssertStreamedAsMerged(Node(), new ModelLineage("model.cols.m", [new ColumnLineage("x", [FromId], null), new ColumnLineage("y", [FromAmount], null)], null));

    private static ProjectNode Node(params string[] declared)
    {
        var yaml = declared.Length == 0 ? "" : "models:\n  - name: m\n    columns:\n" + string.Concat(declared.Select(d => $"      - name: {d}\n        description: the {d}\n"));
        var project = new TempProject("cols").WithProjectFile()
            .With("models/up.sql", "select 1 as id, 2 as amount_cents")
            .With("models/m.sql", "select id from {{ ref('up') }}");
        if (yaml.Length > 0) project.With("models/schema.yml", yaml);
        using (project) return DemoProject.Load(project.Root).Nodes["model.cols.m"];
    }

    private static void AssertStreamedAsMerged(ProjectNode node, ModelLineage lineage)
    {
        var streamed = Json(json =>
        {
            json.WriteStartObject();
            NodeDictionary.Write(node, new NodeJsonSink(json), lineage);
            json.WriteEndObject();
        });
        var merged = NodeDictionary.Of(node);
        LineageColumns.Add((Dictionary<string, object?>)merged["columns"]!, lineage);
        Assert.That(streamed, Is.EqualTo(Json(json => JsonValueWriter.Write(json, merged))));
        Assert.That(Json(json => JsonValueWriter.Write(json, NodeDictionary.Of(node, lineage))), Is.EqualTo(streamed), "as templates see it");
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true })) write(json);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
