using System.Text.Json;
using ModelForge.Compiler.Diagnostics;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SemanticLayer;

public sealed class SemanticLayerManifestTests
{
    private const string OrdersSemanticModel = """
        semantic_models:
          - name: orders
            description: One row per order.
            model: ref('orders')
            defaults:
              agg_time_dimension: ordered_at
            config:
              meta: {owner: finance}
            entities:
              - name: order_id
                type: primary
              - name: customer
                type: foreign
                expr: customer_id
            dimensions:
              - name: ordered_at
                type: time
                type_params:
                  time_granularity: day
            measures:
              - name: order_total
                agg: sum
                description: Total of the order.
              - name: order_count
                agg: sum
                expr: 1
                create_metric: true
        """;

    private const string Metrics = """
        metrics:
          - name: revenue
            label: Revenue
            type: simple
            type_params:
              measure: order_total
          - name: revenue_per_order
            label: Revenue per order
            type: ratio
            type_params:
              numerator: revenue
              denominator: order_count
          - name: cumulative_revenue
            label: Cumulative revenue
            type: cumulative
            type_params:
              measure: order_total
              window: 7 days
            filter: "{{ Dimension('order_id__ordered_at') }} is not null"
        saved_queries:
          - name: weekly_revenue
            query_params:
              metrics: [revenue, revenue_per_order]
              group_by: ["TimeDimension('metric_time', 'week')"]
              where: "{{ Dimension('customer__customer_id') }} > 0"
            exports:
              - name: weekly_revenue_export
                config:
                  export_as: table
        """;

    private SemanticProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new SemanticProject();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_semantic_model_is_written_with_its_ref_resolved_to_the_models_relation()
    {
        _project.Write("models/marts/semantic.yml", OrdersSemanticModel);

        var manifest = _project.Manifest();

        var model = manifest.GetProperty("semantic_models").GetProperty("semantic_model.shop.orders");
        Assert.That(model.GetProperty("model").GetString(), Is.EqualTo("ref('orders')"));
        Assert.That(model.GetProperty("path").GetString(), Is.EqualTo("marts/semantic.yml"));
        Assert.That(model.GetProperty("original_file_path").GetString(), Is.EqualTo("models/marts/semantic.yml"));
        Assert.That(model.GetProperty("fqn").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "shop", "marts", "orders" }));
        Assert.That(Ids(model.GetProperty("depends_on").GetProperty("nodes")), Is.EqualTo(new[] { "model.shop.orders" }));
        Assert.That(model.GetProperty("refs")[0].GetProperty("name").GetString(), Is.EqualTo("orders"));
        var relation = model.GetProperty("node_relation");
        Assert.That(relation.GetProperty("alias").GetString(), Is.EqualTo("orders"));
        Assert.That(relation.GetProperty("schema_name").GetString(), Is.EqualTo("main"));
        Assert.That(relation.GetProperty("relation_name").GetString(), Does.Contain("orders"));
        Assert.That(model.GetProperty("defaults").GetProperty("agg_time_dimension").GetString(), Is.EqualTo("ordered_at"));
        var measure = model.GetProperty("measures")[1];
        Assert.That(measure.GetProperty("expr").GetString(), Is.EqualTo("1"));
        Assert.That(measure.GetProperty("create_metric").GetBoolean(), Is.True);
        // The semantic model's meta flows to each element's config, as dbt combines configs.
        Assert.That(measure.GetProperty("config").GetProperty("meta").GetProperty("owner").GetString(), Is.EqualTo("finance"));
        Assert.That(model.GetProperty("dimensions")[0].GetProperty("type_params").GetProperty("time_granularity").GetString(), Is.EqualTo("day"));
        Assert.That(Ids(manifest.GetProperty("child_map").GetProperty("model.shop.orders")), Does.Contain("semantic_model.shop.orders"));
        Assert.That(Ids(manifest.GetProperty("parent_map").GetProperty("semantic_model.shop.orders")), Is.EqualTo(new[] { "model.shop.orders" }));
    }

    [Test]
    public void Metrics_depend_on_the_semantic_models_of_their_measures_and_on_their_input_metrics()
    {
        _project.Write("models/marts/semantic.yml", OrdersSemanticModel).Write("models/marts/metrics.yml", Metrics);

        var metrics = _project.Manifest().GetProperty("metrics");

        var revenue = metrics.GetProperty("metric.shop.revenue");
        Assert.That(Ids(revenue.GetProperty("depends_on").GetProperty("nodes")), Is.EqualTo(new[] { "semantic_model.shop.orders" }));
        Assert.That(revenue.GetProperty("type_params").GetProperty("measure").GetProperty("name").GetString(), Is.EqualTo("order_total"));
        Assert.That(revenue.GetProperty("type_params").GetProperty("input_measures")[0].GetProperty("name").GetString(), Is.EqualTo("order_total"));

        var ratio = metrics.GetProperty("metric.shop.revenue_per_order");
        Assert.That(Ids(ratio.GetProperty("depends_on").GetProperty("nodes")), Is.EqualTo(new[] { "metric.shop.revenue", "metric.shop.order_count" }));
        Assert.That(ratio.GetProperty("type_params").GetProperty("input_measures").EnumerateArray().Select(m => m.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "order_total", "order_count" }));

        // create_metric: true makes a simple metric named after the measure.
        var created = metrics.GetProperty("metric.shop.order_count");
        Assert.That(created.GetProperty("type").GetString(), Is.EqualTo("simple"));
        Assert.That(created.GetProperty("description").GetString(), Is.EqualTo("Metric created from measure order_count"));

        var cumulative = metrics.GetProperty("metric.shop.cumulative_revenue").GetProperty("type_params");
        Assert.That(cumulative.GetProperty("window").GetProperty("count").GetInt32(), Is.EqualTo(7));
        Assert.That(cumulative.GetProperty("window").GetProperty("granularity").GetString(), Is.EqualTo("day"));
        Assert.That(cumulative.GetProperty("cumulative_type_params").GetProperty("period_agg").GetString(), Is.EqualTo("first"));
        Assert.That(metrics.GetProperty("metric.shop.cumulative_revenue").GetProperty("filter").GetProperty("where_filters")[0]
            .GetProperty("where_sql_template").GetString(), Does.Contain("Dimension('order_id__ordered_at')"));
    }

    [Test]
    public void A_saved_query_depends_on_its_metrics_and_its_exports_land_in_the_target_schema()
    {
        _project.Write("models/marts/semantic.yml", OrdersSemanticModel).Write("models/marts/metrics.yml", Metrics);

        var query = _project.Manifest().GetProperty("saved_queries").GetProperty("saved_query.shop.weekly_revenue");

        Assert.That(Ids(query.GetProperty("depends_on").GetProperty("nodes")), Is.EqualTo(new[] { "metric.shop.revenue", "metric.shop.revenue_per_order" }));
        Assert.That(Ids(query.GetProperty("query_params").GetProperty("metrics")), Is.EqualTo(new[] { "revenue", "revenue_per_order" }));
        Assert.That(query.GetProperty("query_params").GetProperty("where").GetProperty("where_filters").GetArrayLength(), Is.EqualTo(1));
        var export = query.GetProperty("exports")[0].GetProperty("config");
        Assert.That(export.GetProperty("export_as").GetString(), Is.EqualTo("table"));
        Assert.That(export.GetProperty("schema_name").GetString(), Is.EqualTo("main"));
        Assert.That(export.GetProperty("alias").GetString(), Is.EqualTo("weekly_revenue_export"));
    }

    [Test]
    public void An_unknown_ref_in_a_semantic_model_points_at_the_model_key_with_the_nearest_name()
    {
        _project.Write("models/semantic.yml", OrdersSemanticModel.Replace("ref('orders')", "ref('orderz')"));

        var error = _project.SingleError();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.SemanticLayer.UnknownModelRefCode));
        Assert.That(error.Span!.Value.Path, Is.EqualTo("models/semantic.yml"));
        Assert.That((error.Span.Value.Line, error.Span.Value.Column), Is.EqualTo((4, 12)));
        Assert.That(error.Hint, Does.Contain("did you mean 'orders'"));
    }

    [Test]
    public void A_model_value_that_is_not_a_ref_is_an_error()
    {
        _project.Write("models/semantic.yml", OrdersSemanticModel.Replace("ref('orders')", "orders"));

        Assert.That(_project.SingleError().Code, Is.EqualTo(DiagnosticCodes.SemanticLayer.BadModelRefCode));
    }

    [Test]
    public void A_metric_on_an_unknown_measure_suggests_the_nearest_measure()
    {
        _project.Write("models/semantic.yml", OrdersSemanticModel)
            .Write("models/metrics.yml", "metrics:\n  - name: revenue\n    label: Revenue\n    type: simple\n    type_params:\n      measure: order_totl\n");

        var error = _project.SingleError();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.SemanticLayer.UnknownMeasureCode));
        Assert.That((error.Span!.Value.Path, error.Span.Value.Line), Is.EqualTo(("models/metrics.yml", 6)));
        Assert.That(error.Hint, Does.Contain("order_total"));
    }

    [Test]
    public void A_saved_query_on_an_unknown_metric_is_an_error_at_the_metric()
    {
        _project.Write("models/semantic.yml", OrdersSemanticModel)
            .Write("models/q.yml", "saved_queries:\n  - name: q\n    query_params:\n      metrics: [order_cont]\n");

        var error = _project.SingleError();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.SemanticLayer.UnknownMetricCode));
        Assert.That(error.Hint, Does.Contain("order_count"));
    }

    [Test]
    public void An_entity_type_outside_the_schema_is_an_error_with_the_nearest_value()
    {
        _project.Write("models/semantic.yml", OrdersSemanticModel.Replace("type: primary", "type: primry"));

        var (_, diagnostics) = _project.Compile();

        var error = diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.SemanticLayer.BadValueCode));
        Assert.That(error.Hint, Does.Contain("primary"));
    }

    [Test]
    public void A_project_without_a_semantic_layer_still_writes_every_required_manifest_section()
    {
        var manifest = _project.Manifest();

        foreach (var section in new[] { "semantic_models", "metrics", "saved_queries", "groups", "group_map", "docs", "exposures", "selectors", "disabled", "unit_tests" })
            Assert.That(manifest.TryGetProperty(section, out _), Is.True, section);
    }

    private static IEnumerable<string?> Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
