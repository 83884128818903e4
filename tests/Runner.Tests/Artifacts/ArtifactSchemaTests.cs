using System.Text.Json;
using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// Given a project with every kind of node (seed, source, model, snapshot, generic and singular
/// tests, semantic model, metric, saved query), when it is built, its sources' freshness checked
/// and its docs generated, then every entry of manifest.json, run_results.json, catalog.json and
/// sources.json has each field dbt's published schema requires, with a type the schema allows
/// (the lists are in required-fields.txt, written from manifest v12, run-results v6, catalog v1, sources v3).
/// </summary>
public sealed class ArtifactSchemaTests
{
    private static TempProject _project = null!;
    private static List<Requirement> _requirements = null!;

    private sealed record Requirement(string Artifact, string Section, string Kind, string Field, string[] Types);

    [OneTimeSetUp]
    public static void BuildProject()
    {
        _requirements = File.ReadLines(RepositoryRoot.Resolve("tests/Runner.Tests/Artifacts/required-fields.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new Requirement(p[0], p[1], p[2], p[3], p[4].Split('|')))
            .ToList();
        _project = new TempProject("shop").WithProjectFile()
            .With("seeds/seed_events.csv", "id,loaded_at\n1,2024-01-01 00:00:00\n2,2024-01-02 00:00:00\n")
            .With("models/stg_events.sql", "select * from {{ source('raw', 'events') }}")
            .With("snapshots/events_snapshot.sql", """
                {% snapshot events_snapshot %}
                {{ config(target_schema='main', unique_key='id', strategy='check', check_cols='all') }}
                select * from {{ ref('stg_events') }}
                {% endsnapshot %}
                """)
            .With("tests/assert_ids_positive.sql", "select * from {{ ref('stg_events') }} where id < 0")
            .With("models/schema.yml", """
                sources:
                  - name: raw
                    schema: main
                    loader: seeds
                    loaded_at_field: loaded_at
                    freshness:
                      warn_after: {count: 1, period: day}
                    tables:
                      - name: events
                        identifier: seed_events
                models:
                  - name: stg_events
                    columns:
                      - name: id
                        data_tests: [unique, not_null]
                semantic_models:
                  - name: events
                    model: ref('stg_events')
                    entities:
                      - {name: id, type: primary}
                    dimensions:
                      - {name: loaded_at, type: time, type_params: {time_granularity: day}}
                    measures:
                      - {name: event_count, agg: count, expr: id, agg_time_dimension: loaded_at}
                metrics:
                  - name: events
                    label: Events
                    type: simple
                    type_params: {measure: event_count}
                saved_queries:
                  - name: daily_events
                    query_params:
                      metrics: [events]
                      group_by: ["TimeDimension('metric_time', 'day')"]
                    exports:
                      - {name: daily_events, config: {export_as: view}}
                """);
        foreach (var command in new[] { "build", "source freshness", "docs generate" })
        {
            var result = _project.Forge(command.Split(' '));
            Assert.That(result.ExitCode, Is.Not.EqualTo(2), result.ToString());
        }
    }

    [OneTimeTearDown]
    public static void Dispose() => _project.Dispose();

    [TestCase("manifest", "manifest.json")]
    [TestCase("run_results", "run_results.json")]
    [TestCase("catalog", "catalog.json")]
    [TestCase("sources", "sources.json")]
    public void Every_entry_has_the_fields_the_schema_requires(string artifact, string file)
    {
        using var json = JsonDocument.Parse(_project.Read($"target/{file}"));
        var root = json.RootElement;
        var problems = new List<string>();
        var checkedKinds = new HashSet<string>();
        foreach (var group in _requirements.Where(r => r.Artifact == artifact).GroupBy(r => (r.Section, r.Kind)))
        {
            foreach (var (where, entry) in Entries(root, group.Key.Section, group.Key.Kind))
            {
                checkedKinds.Add(group.Key.Kind);
                foreach (var requirement in group) Check(entry, requirement, where, problems);
            }
        }
        Assert.That(problems, Is.Empty);
        var expected = artifact switch
        {
            "manifest" => new[] { "model", "seed", "snapshot", "generic_test", "singular_test", "generic_test.test_metadata", "source", "macro",
                "semantic_model", "metric", "saved_query" },
            "sources" => ["SourceFreshnessOutput"],
            _ => ["-"],
        };
        Assert.That(checkedKinds, Is.SupersetOf(expected), "each kind of entry was present to check");
    }

    [Test]
    public void Manifest_entries_carry_only_the_fields_the_v12_schema_allows()
    {
        // dbt's node objects have additionalProperties: false, so a strict validator rejects any forge-only field.
        var allowed = File.ReadLines(RepositoryRoot.Resolve("tests/Runner.Tests/Artifacts/allowed-node-fields.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => (p[0], p[1]), p => p[2..].ToHashSet(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(_project.Read("target/manifest.json"));
        var problems = new List<string>();
        var checkedKinds = new HashSet<string>();
        foreach (var section in new[] { "nodes", "sources", "unit_tests" })
        {
            foreach (var entry in json.RootElement.GetProperty(section).EnumerateObject())
            {
                var kind = entry.Value.GetProperty("resource_type").GetString()!;
                if (!allowed.TryGetValue((section, kind), out var fields))
                {
                    problems.Add($"{section}.{entry.Name}: no schema for resource_type '{kind}'");
                    continue;
                }
                checkedKinds.Add(kind);
                problems.AddRange(entry.Value.EnumerateObject().Where(p => !fields.Contains(p.Name)).Select(p => $"{section}.{entry.Name}.{p.Name}: not allowed"));
            }
        }
        Assert.That(problems, Is.Empty);
        Assert.That(checkedKinds, Is.SupersetOf(new[] { "model", "seed", "snapshot", "test", "source" }));
        Assert.That(json.RootElement.GetProperty("nodes").GetProperty("model.shop.stg_events").GetProperty("columns").GetProperty("id").TryGetProperty("lineage", out _),
            Is.True, "the manifest was written with column lineage, which stays in the columns (ColumnInfo allows extra fields)");
        Assert.That(_project.Read("target/column_lineage.json"), Does.Contain("\"model.shop.stg_events\"").And.Contain("\"output_columns\""));
    }

    [Test]
    public void The_manifest_is_written_compact_as_dbt_writes_it()
    {
        var manifest = _project.Read("target/manifest.json");

        Assert.That(manifest, Does.StartWith("{\"metadata\":{\"dbt_schema_version\":"));
        Assert.That(manifest.TrimEnd('\n'), Does.Not.Contain('\n'), "one line: the SQL's line breaks are escaped");
    }

    [Test]
    public void Compiled_and_run_files_are_under_the_project_name_as_dbt_writes_them()
    {
        Assert.That(_project.Exists("target/compiled/shop/models/stg_events.sql"));
        Assert.That(_project.Exists("target/run/shop/models/stg_events.sql"));
        Assert.That(_project.Exists("target/compiled/shop/tests/assert_ids_positive.sql"));
        Assert.That(Directory.GetFiles(Path.Combine(_project.Root, "target/compiled/shop/models/schema.yml"), "unique_*.sql"), Has.Length.EqualTo(1));
        Assert.That(Directory.Exists(Path.Combine(_project.Root, "target/compiled/models")), Is.False);
    }

    [Test]
    public void Node_paths_and_optional_fields_read_as_dbt_writes_them()
    {
        using var json = JsonDocument.Parse(_project.Read("target/manifest.json"));
        var nodes = json.RootElement.GetProperty("nodes");
        var model = nodes.GetProperty("model.shop.stg_events");
        var test = nodes.EnumerateObject().Single(n => n.Name.StartsWith("test.shop.unique_", StringComparison.Ordinal)).Value;
        Assert.Multiple(() =>
        {
            // path is inside the resource folder; a generic test's is its compiled file's name.
            Assert.That(model.GetProperty("path").GetString(), Is.EqualTo("stg_events.sql"));
            Assert.That(model.GetProperty("original_file_path").GetString(), Is.EqualTo("models/stg_events.sql"));
            Assert.That(nodes.GetProperty("seed.shop.seed_events").GetProperty("path").GetString(), Is.EqualTo("seed_events.csv"));
            Assert.That(nodes.GetProperty("snapshot.shop.events_snapshot").GetProperty("path").GetString(), Is.EqualTo("events_snapshot.sql"));
            Assert.That(test.GetProperty("path").GetString(), Is.EqualTo("unique_stg_events_id.sql"));
            Assert.That(test.GetProperty("original_file_path").GetString(), Is.EqualTo("models/schema.yml"));
            Assert.That(_project.Exists("target/compiled/shop/models/schema.yml/" + test.GetProperty("path").GetString()));
            Assert.That(model.GetProperty("patch_path").GetString(), Is.EqualTo("shop://models/schema.yml"));
            Assert.That(test.GetProperty("patch_path").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(model.GetProperty("language").GetString(), Is.EqualTo("sql"));
            Assert.That(model.GetProperty("docs").GetProperty("show").GetBoolean(), Is.True);
            Assert.That(model.GetProperty("contract").GetProperty("enforced").GetBoolean(), Is.False);
        });
    }

    private static IEnumerable<(string Where, JsonElement Entry)> Entries(JsonElement root, string section, string kind)
    {
        if (section == "-")
        {
            yield return ("(top level)", root);
            yield break;
        }
        if (section == "metadata")
        {
            yield return ("metadata", root.GetProperty("metadata"));
            yield break;
        }
        var container = root.GetProperty(section);
        var items = container.ValueKind == JsonValueKind.Array
            ? container.EnumerateArray().Select((e, i) => ($"{section}[{i}]", e))
            : container.EnumerateObject().Select(p => ($"{section}.{p.Name}", p.Value));
        foreach (var (where, entry) in items)
        {
            if (kind.EndsWith(".test_metadata", StringComparison.Ordinal))
            {
                if (KindOf(section, entry) == "generic_test") yield return ($"{where}.test_metadata", entry.GetProperty("test_metadata"));
            }
            else if (kind == "-" || KindOf(section, entry) == kind) yield return (where, entry);
        }
    }

    private static string KindOf(string section, JsonElement entry)
    {
        if (section == "results" && entry.TryGetProperty("status", out var status))
            return status.GetString() == "runtime error" ? "SourceFreshnessRuntimeError" : "SourceFreshnessOutput";
        var type = entry.TryGetProperty("resource_type", out var t) ? t.GetString() : null;
        return type == "test" ? entry.TryGetProperty("test_metadata", out _) ? "generic_test" : "singular_test" : type ?? "-";
    }

    private static void Check(JsonElement entry, Requirement requirement, string where, List<string> problems)
    {
        if (!entry.TryGetProperty(requirement.Field, out var value))
        {
            problems.Add($"{where}: no '{requirement.Field}'");
            return;
        }
        var type = value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number when value.TryGetInt64(out _) => "integer",
            _ => "number",
        };
        var allowed = requirement.Types.Contains(type) || (type == "integer" && requirement.Types.Contains("number"));
        if (!allowed) problems.Add($"{where}.{requirement.Field}: {type}, expected {string.Join("|", requirement.Types)}");
    }
}
