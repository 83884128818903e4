using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Analysis;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>ProjectLineage over small projects: upstream columns from seeds, YAML, catalog and other models.</summary>
public sealed class ProjectLineageTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProject("shop").WithProjectFile()
            .With("seeds/raw_orders.csv", "id,customer,amount_cents\n1,7,1000\n")
            .With("models/sources.yml", """
                version: 2
                sources:
                  - name: app
                    schema: app
                    tables:
                      - name: events
                        columns:
                          - name: event_id
                      - name: blobs
                """)
            .With("models/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
            .With("models/orders.sql", "select id as order_id, amount_cents / 100.0 as amount from {{ ref('stg_orders') }}")
            .With("models/events.sql", "select * from {{ source('app', 'events') }}")
            .With("models/blobs.sql", "select * from {{ source('app', 'blobs') }}");
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    private LineageResult Build(IReadOnlyDictionary<string, IReadOnlyList<string>>? catalog = null) =>
        ProjectLineage.Build(DemoProject.Load(_project.Root), catalogColumns: catalog);

    [Test]
    public void Seed_header_and_upstream_model_expand_select_star()
    {
        var result = Build();

        var staging = result.Models["model.shop.stg_orders"];
        Assert.That(staging.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "customer", "amount_cents" }));
        Assert.That(staging.Unresolved, Is.Null);
        var amount = result.Models["model.shop.orders"].Column("amount")!;
        Assert.That(amount.Upstream, Is.EqualTo(new[] { new ColumnOrigin("model.shop.stg_orders", "amount_cents", LineageKind.Transformed) }));
    }

    [Test]
    public void Star_over_a_source_lists_yaml_columns_and_says_the_rest_is_unknown()
    {
        var result = Build();

        var events = result.Models["model.shop.events"];
        Assert.That(events.Columns.Select(c => c.Name), Is.EqualTo(new[] { "event_id" }));
        Assert.That(events.Unresolved, Does.Contain("\"app\".\"events\"").And.Contain("only some of its columns are known"));
        var blobs = result.Models["model.shop.blobs"];
        Assert.That(blobs.Columns, Is.Empty);
        Assert.That(blobs.Unresolved, Does.Contain("columns are unknown"));
    }

    [Test]
    public void Catalog_columns_complete_a_source()
    {
        var result = Build(new Dictionary<string, IReadOnlyList<string>> { ["source.shop.app.blobs"] = ["blob_id", "payload"] });

        var blobs = result.Models["model.shop.blobs"];
        Assert.That(blobs.Unresolved, Is.Null);
        Assert.That(blobs.Column("payload")!.Upstream, Is.EqualTo(new[] { new ColumnOrigin("source.shop.app.blobs", "payload", LineageKind.Direct) }));
    }

    [Test]
    public void A_seed_and_a_source_on_the_same_table_resolve_to_the_one_the_model_reads()
    {
        _project
            .With("models/raw.yml", "version: 2\nsources:\n  - name: raw\n    schema: main\n    tables:\n      - name: raw_orders\n")
            .With("models/from_source.sql", "select id from {{ source('raw', 'raw_orders') }}")
            .With("models/from_seed.sql", "select id from {{ ref('raw_orders') }}");

        var result = Build();

        Assert.That(result.Models["model.shop.from_source"].Column("id")!.Upstream.Single().Node, Is.EqualTo("source.shop.raw.raw_orders"));
        Assert.That(result.Models["model.shop.from_seed"].Column("id")!.Upstream.Single().Node, Is.EqualTo("seed.shop.raw_orders"));
    }

    [Test]
    public void Sql_that_does_not_parse_gives_a_warning_at_the_model()
    {
        _project.With("models/broken.sql", "select from from {{ ref('orders') }}");

        var result = Build();

        Assert.That(result.Models["model.shop.broken"].Unresolved, Does.Contain("does not parse"));
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo(DiagnosticCodes.Lineage.UnparsableSqlCode));
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(warning.Span?.Path, Is.EqualTo("models/broken.sql"));
    }
}
