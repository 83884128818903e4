using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Artifacts;
using ModelForge.Runner.Analysis;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>Column lineage of the demo project (DuckDB target), end to end from the model files.</summary>
public sealed class DemoProjectLineageTests
{
    private static readonly Lazy<LineageResult> Result = new(() => ProjectLineage.Build(DemoProject.Project));

    private static ModelLineage Model(string name) => Result.Value.Models[$"model.bikeshare.{name}"];

    private static string[] Upstream(string model, string column) =>
        Model(model).Column(column)!.Upstream.Select(o => $"{o.Node}.{o.Column} {o.Kind}").Order(StringComparer.Ordinal).ToArray();

    [Test]
    public void Every_model_is_analysed_without_warnings()
    {
        Assert.That(Result.Value.Diagnostics, Is.Empty);
        Assert.That(Result.Value.Models.Keys, Has.Count.EqualTo(DemoProject.Project.OfType(Compiler.Project.ResourceType.Model).Count()));
        Assert.That(Result.Value.Models.Values.Where(m => m.Unresolved is not null).Select(m => m.NodeId), Is.Empty);
        var unresolvedColumns = Result.Value.Models.Values
            .SelectMany(m => m.Columns.Where(c => c.Unresolved is not null).Select(c => $"{m.NodeId}.{c.Name}: {c.Unresolved}"));
        Assert.That(unresolvedColumns, Is.Empty);
    }

    [Test]
    public void Fct_rides_distance_comes_from_gps_and_straight_line_distance()
    {
        Assert.That(Upstream("fct_rides", "distance_km"), Is.EqualTo(new[]
        {
            "model.bikeshare.int_rides_enriched.gps_distance_km Transformed",
            "model.bikeshare.int_rides_enriched.straight_line_km Transformed",
        }));
    }

    [Test]
    public void Pass_through_columns_are_direct_across_ctes_and_select_star()
    {
        Assert.That(Upstream("fct_rides", "ride_id"), Is.EqualTo(new[] { "model.bikeshare.int_rides_enriched.ride_id Direct" }));
        Assert.That(Upstream("int_rides_enriched", "start_station_name"), Is.EqualTo(new[] { "model.bikeshare.stg_stations.station_name Direct" }));
        Assert.That(Upstream("int_rides_enriched", "bike_type"), Is.EqualTo(new[] { "model.bikeshare.stg_bikes.bike_type Direct" }));
    }

    [Test]
    public void Staging_columns_reach_source_columns_the_yaml_does_not_declare()
    {
        // raw.rides declares only ride_id; distance_m is still followed through `select *`.
        Assert.That(Upstream("stg_rides", "gps_distance_km"), Is.EqualTo(new[] { "source.bikeshare.raw.rides.distance_m Transformed" }));
        Assert.That(Upstream("stg_rides", "ride_id"), Is.EqualTo(new[] { "source.bikeshare.raw.rides.ride_id Transformed" }));
    }

    [Test]
    public void Star_with_an_added_column_lists_upstream_columns_then_the_new_one()
    {
        var names = Model("member_lifetime_value").Columns.Select(c => c.Name).ToList();

        Assert.That(names[0], Is.EqualTo("member_id"));
        Assert.That(names[^1], Is.EqualTo("value_tier"));
        Assert.That(Upstream("member_lifetime_value", "value_tier"), Is.EqualTo(new[]
        {
            "model.bikeshare.int_member_payments.day_pass_revenue Transformed",
            "model.bikeshare.int_member_payments.membership_fee_revenue Transformed",
            "model.bikeshare.int_member_payments.ride_fee_revenue Transformed",
        }));
    }

    [Test]
    public void Column_lineage_json_lists_each_models_output_columns_in_order()
    {
        using var stream = new MemoryStream();
        ColumnLineageWriter.Write(stream, Result.Value.Models, "test", DateTimeOffset.UnixEpoch);
        using var json = JsonDocument.Parse(stream.ToArray());
        var model = json.RootElement.GetProperty("models").GetProperty("model.bikeshare.fct_rides");
        var names = model.GetProperty("output_columns").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(names, Is.EqualTo(Model("fct_rides").Columns.Select(c => c.Name).ToList()));
        Assert.That(model.GetProperty("columns").GetProperty("distance_km").GetProperty("lineage").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void Manifest_columns_carry_lineage_and_undeclared_columns()
    {
        using var stream = new MemoryStream();
        ManifestWriter.Write(stream, DemoProject.Project, "test", DateTimeOffset.UnixEpoch, Result.Value.Models);
        using var manifest = JsonDocument.Parse(stream.ToArray());
        var node = manifest.RootElement.GetProperty("nodes").GetProperty("model.bikeshare.fct_rides");
        var distance = node.GetProperty("columns").GetProperty("distance_km");

        var lineage = distance.GetProperty("lineage").EnumerateArray()
            .Select(e => $"{e.GetProperty("node").GetString()}.{e.GetProperty("column").GetString()} {e.GetProperty("kind").GetString()}");
        Assert.That(lineage, Is.EquivalentTo(new[]
        {
            "model.bikeshare.int_rides_enriched.gps_distance_km transformed",
            "model.bikeshare.int_rides_enriched.straight_line_km transformed",
        }));
        Assert.That(distance.TryGetProperty("unresolved", out _), Is.False);
        Assert.That(node.TryGetProperty("column_lineage", out _), Is.False, "dbt's v12 schema allows no extra field on a node");
        Assert.That(node.GetProperty("columns").EnumerateObject().Count(), Is.EqualTo(Model("fct_rides").Columns.Count));
    }
}
