using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.ExternalFiles;

/// <summary>
/// dbt-duckdb sources with external_location: files the test writes (parquet through DuckDB's
/// COPY, CSV, JSON) are read by source() in place of a table, relative to the project folder
/// wherever forge runs from.
/// </summary>
public sealed class ExternalSourceTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProject("lake").WithProjectFile();
        Directory.CreateDirectory(Path.Combine(_project.Root, "data"));
        Database.Execute(":memory:", $"copy (select * from (values (1, 10.5), (2, 20.0), (3, 7.25)) v(id, amount)) to '{_project.Root}/data/orders.parquet' (format parquet)");
        _project
            .With("raw/events_1.csv", "id,kind,loaded_at\n1,click,2026-01-01 10:00:00\n2,view,2026-01-01 11:00:00\n")
            .With("raw/events_2.csv", "id,kind,loaded_at\n3,click,2099-01-01 12:00:00\n")
            .With("logs/app.json", "[{\"id\": 1, \"level\": \"info\"}, {\"id\": 2, \"level\": \"warn\", \"extra\": true}]")
            .With("models/sources.yml", """
                version: 2
                sources:
                  - name: raw
                    meta:
                      external_location: "data/{name}.parquet"
                    tables:
                      - name: orders
                        description: Orders as parquet
                      - name: events
                        meta:
                          external_location: "raw/*.csv"
                        loaded_at_field: loaded_at
                        freshness:
                          warn_after: {count: 1, period: day}
                      - name: logs
                        config:
                          external_location: "read_json('logs/app.json', columns={'id': 'INTEGER', 'level': 'VARCHAR'})"
                """)
            .With("models/report.sql", """
                {{ config(materialized='table') }}
                select
                  (select sum(amount) from {{ source('raw', 'orders') }}) as amount,
                  (select count(*) from {{ source('raw', 'events') }} where kind = 'click') as clicks,
                  (select string_agg(level, ',' order by id) from {{ source('raw', 'logs') }}) as levels
                """);
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Source_reads_parquet_a_csv_glob_and_a_table_function_and_the_sources_stay_in_the_manifest()
    {
        // When the project runs
        var result = _project.Forge("run");

        // Then the model read every file
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var row = Database.Query(_project.DatabasePath, "select amount, clicks, levels from main.report").Single();
        Assert.That(Convert.ToDecimal(row[0]), Is.EqualTo(37.75m));
        Assert.That(Convert.ToInt64(row[1]), Is.EqualTo(2));
        Assert.That(row[2], Is.EqualTo("info,warn"));

        // And the compiled SQL names the files, while the manifest still has the source nodes and edges
        var compiled = _project.Read("target/compiled/lake/models/report.sql");
        Assert.That(compiled, Does.Contain("from 'data/orders.parquet'").And.Contain("from 'raw/*.csv'")
            .And.Contain("from read_json('logs/app.json', columns={'id': 'INTEGER', 'level': 'VARCHAR'})"));
        using var manifest = JsonDocument.Parse(_project.Read("target/manifest.json"));
        var sources = manifest.RootElement.GetProperty("sources");
        Assert.That(sources.GetProperty("source.lake.raw.orders").GetProperty("relation_name").GetString(), Is.EqualTo("'data/orders.parquet'"));
        var dependsOn = manifest.RootElement.GetProperty("nodes").GetProperty("model.lake.report").GetProperty("depends_on").GetProperty("nodes")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(dependsOn, Is.EquivalentTo(new[] { "source.lake.raw.orders", "source.lake.raw.events", "source.lake.raw.logs" }));
    }

    [Test]
    public void Freshness_of_an_external_source_reads_its_files()
    {
        var result = _project.Forge("source", "freshness");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Match(@"PASS freshness of raw\.events .*\[PASS in"));
    }
}
