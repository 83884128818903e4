using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Freshness;

public sealed class SourceFreshnessTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProject("shop").WithProjectFile()
            .With("models/sources.yml", """
                version: 2
                sources:
                  - name: raw
                    schema: raw
                    loaded_at_field: loaded_at
                    freshness:
                      warn_after: {count: 6, period: hour}
                      error_after: {count: 1, period: day}
                    tables:
                      - name: fresh
                      - name: stale
                      - name: ancient
                      - name: reference
                        freshness: null
                      - name: filtered
                        freshness:
                          filter: "kind = 'real'"
                  - name: crm
                    schema: raw
                    loaded_at_field: loaded_at
                    freshness:
                      warn_after: {count: 30, period: minute}
                    tables:
                      - name: contacts
                """)
            .With("models/uses_fresh.sql", "select * from {{ source('raw', 'fresh') }}");
        Directory.CreateDirectory(Path.GetDirectoryName(_project.DatabasePath)!);
        // Load times relative to now, as timestamps without time zone in UTC (the documented assumption).
        Table("fresh", "1 hour");
        Table("stale", "10 hours");
        Table("ancient", "3 days");
        Table("reference", "300 days");
        Table("contacts", "10 minutes");
        Database.Execute(_project.DatabasePath, """
            create table raw.filtered as
            select * from (values ('real', Now() - interval 2 day), ('test', Now())) v(kind, loaded_at)
            """.Replace("Now()", "(get_current_timestamp() at time zone 'UTC')"));
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    private void Table(string name, string age) => Database.Execute(_project.DatabasePath,
        $"create schema if not exists raw; create table raw.{name} as select (get_current_timestamp() at time zone 'UTC') - interval {age} as loaded_at, 1 as id");

    private static Dictionary<string, JsonElement> Results(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!, r => r.Clone());
    }

    [Test]
    public void Each_table_passes_warns_or_errors_by_its_age_and_the_command_exits_1_on_an_error()
    {
        var result = _project.Forge("source", "freshness");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Match(@"PASS freshness of raw\.fresh \(age 1h 0m, warn after 6 hours\) \.+ \[PASS in"));
        Assert.That(result.Output, Does.Match(@"WARN freshness of raw\.stale \(age 10h 0m, warn after 6 hours\) \.+ \[WARN in"));
        Assert.That(result.Output, Does.Match(@"ERROR STALE freshness of raw\.ancient \(age 3d 0h, error after 1 day\) \.+ \[ERROR STALE in"));
        Assert.That(result.Output, Does.Contain("Done. PASS=2 WARN=1 ERROR=2 TOTAL=5"));
    }

    [Test]
    public void The_filter_limits_the_rows_that_count()
    {
        var result = _project.Forge("source", "freshness", "--select", "source:raw.filtered");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("ERROR STALE freshness of raw.filtered (age 2d 0h"));
        var criteria = Results(_project.Read("target/sources.json"))["source.shop.raw.filtered"].GetProperty("criteria");
        Assert.That(criteria.GetProperty("filter").GetString(), Is.EqualTo("kind = 'real'"));
    }

    [Test]
    public void A_table_that_opts_out_with_freshness_null_is_not_checked()
    {
        var result = _project.Forge("source", "freshness");

        Assert.That(result.Output, Does.Not.Contain("raw.reference"));
        Assert.That(Results(_project.Read("target/sources.json")).Keys, Does.Not.Contain("source.shop.raw.reference"));
    }

    [Test]
    public void Sources_json_has_dbt_s_shape()
    {
        _project.Forge("source", "freshness");

        var json = _project.Read("target/sources.json");
        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("metadata").GetProperty("dbt_schema_version").GetString(),
            Is.EqualTo("https://schemas.getdbt.com/dbt/sources/v3.json"));
        var results = Results(json);
        Assert.That(results.Keys, Is.EquivalentTo(new[]
        {
            "source.shop.raw.fresh", "source.shop.raw.stale", "source.shop.raw.ancient", "source.shop.raw.filtered", "source.shop.crm.contacts",
        }));
        var stale = results["source.shop.raw.stale"];
        Assert.That(stale.GetProperty("status").GetString(), Is.EqualTo("warn"));
        Assert.That(stale.GetProperty("max_loaded_at_time_ago_in_s").GetDouble(), Is.EqualTo(36000).Within(120));
        Assert.That(stale.GetProperty("criteria").GetProperty("warn_after").GetProperty("count").GetInt64(), Is.EqualTo(6));
        Assert.That(stale.GetProperty("criteria").GetProperty("error_after").GetProperty("period").GetString(), Is.EqualTo("day"));
        var loaded = DateTimeOffset.Parse(stale.GetProperty("max_loaded_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var snapshotted = DateTimeOffset.Parse(stale.GetProperty("snapshotted_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((snapshotted - loaded).TotalHours, Is.EqualTo(10).Within(0.05));
        Assert.That(results["source.shop.raw.fresh"].GetProperty("status").GetString(), Is.EqualTo("pass"));
        Assert.That(results["source.shop.raw.ancient"].GetProperty("status").GetString(), Is.EqualTo("error"));
    }

    [Test]
    public void Select_by_source_name_with_a_plus_checks_only_that_source()
    {
        var result = _project.Forge("source", "freshness", "--select", "source:crm+");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("PASS freshness of crm.contacts (age 10m, warn after 30 minutes)"));
        Assert.That(result.Output, Does.Contain("TOTAL=1"));
    }

    [Test]
    public void Only_warnings_exit_0()
    {
        var result = _project.Forge("source", "freshness", "-s", "source:raw.fresh", "source:raw.stale");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Done. PASS=1 WARN=1 ERROR=0 TOTAL=2"));
    }

    [Test]
    public void A_timestamp_with_time_zone_is_compared_as_an_instant()
    {
        Database.Execute(_project.DatabasePath,
            "create or replace table raw.fresh as select get_current_timestamp() - interval 2 hour as loaded_at");

        var result = _project.Forge("source", "freshness", "-s", "source:raw.fresh");

        Assert.That(result.Output, Does.Contain("PASS freshness of raw.fresh (age 2h 0m, warn after 6 hours)"), result.ToString());
    }

    [Test]
    public void A_query_that_fails_is_a_runtime_error_naming_the_source()
    {
        _project.With("models/sources.yml", _project.Read("models/sources.yml").Replace("      - name: fresh\n", "      - name: fresh\n        loaded_at_field: no_such_column\n"));

        var result = _project.Forge("source", "freshness", "-s", "source:raw.fresh");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/sources.yml:10:9: error MF5520: cannot check the freshness of source 'raw.fresh'"));
        Assert.That(result.Output, Does.Contain("no_such_column"));
        Assert.That(Results(_project.Read("target/sources.json"))["source.shop.raw.fresh"].GetProperty("status").GetString(), Is.EqualTo("runtime error"));
    }

    [Test]
    public void A_policy_without_loaded_at_field_is_named_and_skipped()
    {
        _project.With("models/sources.yml", _project.Read("models/sources.yml").Replace("    loaded_at_field: loaded_at\n    freshness:\n      warn_after: {count: 30", "    freshness:\n      warn_after: {count: 30"));

        var result = _project.Forge("source", "freshness", "-s", "source:crm");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error, Does.Contain("warning MF5521: source 'crm.contacts' has a freshness policy but no loaded_at_field"));
    }
}
