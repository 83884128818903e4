using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

/// <summary>dbt's commands and flags of issue 17: list, parse, compile --inline, the log and warning flags and their environment variables.</summary>
public sealed class DbtFlagsTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("seeds/raw_orders.csv", "order_id,amount\n1,10\n2,-5\n")
        .With("models/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
        .With("models/orders.sql", "{{ config(tags=['daily']) }}\nselect * from {{ ref('stg_orders') }}")
        .With("models/schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: amount
                    data_tests:
                      - accepted_values:
                          values: [10]
                          config:
                            severity: warn
              - name: stg_orders
                columns:
                  - name: order_id
                    data_tests:
                      - relationships:
                          to: ref('orders')
                          field: order_id
            """);

    [TearDown]
    public void TearDown() => _project.Dispose();

    private string[] Lines(ForgeResult result) => result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Test]
    public void List_is_ls_and_filters_by_several_resource_types()
    {
        var result = _project.Forge("list", "--resource-type", "seed", "model", "--output", "name");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Lines(result), Is.EqualTo(new[] { "raw_orders", "stg_orders", "orders" }));
    }

    [Test]
    public void Exclude_resource_type_leaves_those_types_out()
    {
        var result = _project.Forge("ls", "--exclude-resource-type", "test,seed", "-o", "name");

        Assert.That(Lines(result), Is.EqualTo(new[] { "stg_orders", "orders" }));
    }

    [Test]
    public void Types_forge_has_no_nodes_of_match_nothing_instead_of_failing()
    {
        var result = _project.Forge("ls", "--resource-type", "exposure", "semantic_model");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public void Json_output_keys_pick_fields_of_the_manifest_entry()
    {
        var result = _project.Forge("ls", "-s", "orders", "--resource-type", "model", "--output", "json", "--output-keys", "name", "tags", "depends_on");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var line = JsonDocument.Parse(Lines(result).Single());
        Assert.That(line.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name", "tags", "depends_on" }));
        Assert.That(line.RootElement.GetProperty("tags")[0].GetString(), Is.EqualTo("daily"));
        Assert.That(line.RootElement.GetProperty("depends_on").GetProperty("nodes")[0].GetString(), Is.EqualTo("model.shop.stg_orders"));
    }

    [Test]
    public void Parse_writes_the_manifest_and_perf_info_without_connecting()
    {
        var result = _project.Forge("parse");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Parsed 4 files"));
        using var perf = JsonDocument.Parse(_project.Read("target/perf_info.json"));
        Assert.That(perf.RootElement.GetProperty("path_count").GetInt32(), Is.EqualTo(4));
        Assert.That(perf.RootElement.GetProperty("load_all_elapsed").GetDouble(), Is.GreaterThan(0));
        Assert.That(_project.Exists("target/manifest.json"));
        Assert.That(File.Exists(_project.DatabasePath), Is.False);
    }

    [Test]
    public void Compile_inline_prints_the_rendered_query_and_writes_nothing()
    {
        var result = _project.Forge("compile", "-q", "--inline", "select * from {{ ref('orders') }} -- {{ 1 + 1 }}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output.Trim(), Is.EqualTo("select * from \"shop\".\"main\".\"orders\" -- 2"));
        Assert.That(Directory.Exists(Path.Combine(_project.Root, "target", "compiled")), Is.False);
    }

    [Test]
    public void Target_path_flag_moves_the_artifacts_and_the_env_var_does_too()
    {
        var flag = _project.Forge("parse", "--target-path", "ci-artifacts");
        _project.WithEnvironment("DBT_TARGET_PATH", "from-env");
        var env = _project.Forge("parse");
        var both = _project.Forge("parse", "--target-path", "flag-wins");

        Assert.That(flag.ExitCode, Is.EqualTo(0), flag.ToString());
        Assert.That(_project.Exists("ci-artifacts/manifest.json"));
        Assert.That(_project.Exists("from-env/manifest.json"), env.ToString());
        Assert.That(_project.Exists("flag-wins/manifest.json"));
        Assert.That(_project.Exists("target/manifest.json"), Is.False);
    }

    [Test]
    public void Quiet_prints_only_errors_and_debug_prints_more()
    {
        var quiet = _project.Forge("-q", "seed");
        var normal = _project.Forge("seed");
        var debug = _project.Forge("seed", "--debug");

        Assert.That(quiet.ExitCode, Is.EqualTo(0), quiet.ToString());
        Assert.That(quiet.All, Is.Empty);
        Assert.That(normal.Output, Does.Contain("OK seed file").And.Not.Contain("invocation_id"));
        Assert.That(debug.Output, Does.Contain("invocation_id"));
    }

    [Test]
    public void Log_level_from_the_environment_applies_unless_a_flag_is_given()
    {
        _project.WithEnvironment("FORGE_LOG_LEVEL", "none").WithEnvironment("DBT_LOG_LEVEL", "debug");

        var fromForgeVariable = _project.Forge("seed");
        var flag = _project.Forge("seed", "--log-level", "info");

        Assert.That(fromForgeVariable.Output, Is.Empty);
        Assert.That(flag.Output, Does.Contain("OK seed file").And.Not.Contain("invocation_id"));
    }

    [Test]
    public void Warn_error_makes_a_warning_test_fail()
    {
        var built = _project.Forge("build", "--exclude-resource-type", "test");
        Assert.That(built.ExitCode, Is.EqualTo(0), built.ToString());

        var warned = _project.Forge("test", "-s", "orders", "--indirect-selection", "cautious");
        var failed = _project.Forge("test", "-s", "orders", "--indirect-selection", "cautious", "--warn-error");
        _project.WithEnvironment("DBT_WARN_ERROR_OPTIONS", "{error: all}");
        var fromEnvironment = _project.Forge("test", "-s", "orders", "--indirect-selection", "cautious");

        Assert.That(warned.ExitCode, Is.EqualTo(0), warned.ToString());
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That(failed.Output, Does.Contain("FAIL 1"));
        Assert.That(fromEnvironment.ExitCode, Is.EqualTo(1), fromEnvironment.ToString());
    }

    [Test]
    public void Warn_error_options_promote_a_project_warning_by_code()
    {
        _project.With("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    descriptoin: typo\n");

        var warned = _project.Forge("parse");
        var failed = _project.Forge("parse", "--warn-error-options", "{\"error\": [\"MF1109\"]}");
        var silenced = _project.Forge("parse", "--warn-error-options", "{\"silence\": [\"MF1109\"]}");

        Assert.That(warned.ExitCode, Is.EqualTo(0), warned.ToString());
        Assert.That(warned.Error, Does.Contain("warning MF1109"));
        Assert.That(failed.ExitCode, Is.EqualTo(2), failed.ToString());
        Assert.That(failed.Error, Does.Contain("error MF1109").And.Contain("--warn-error"));
        Assert.That(silenced.Error, Does.Not.Contain("MF1109"));
    }

    [Test]
    public void Indirect_selection_decides_which_tests_of_the_selection_run()
    {
        string[] Tests(string mode) => Lines(_project.Forge("ls", "-s", "stg_orders", "--resource-type", "test", "--indirect-selection", mode, "-o", "name"));

        // The relationships test reads stg_orders and orders; only eager takes it with stg_orders alone.
        Assert.That(Tests("eager"), Has.Some.StartsWith("relationships_"));
        Assert.That(Tests("cautious"), Is.Empty);
        Assert.That(Tests("empty"), Is.Empty);
    }

    [Test]
    public void Build_resource_type_builds_only_those_types()
    {
        var result = _project.Forge("build", "--resource-type", "seed");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from main.raw_orders"), Is.EqualTo(2));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "orders"), Is.Null);
    }

    [Test]
    public void A_python_model_is_reported_at_its_path_not_at_each_ref()
    {
        _project.With("models/scores.py", "def model(dbt, session):\n    return dbt.ref('orders')\n")
            .With("models/report.sql", "select * from {{ ref('scores') }}");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/scores.py:1:1: error MF1170: Python models are not supported by forge"));
        Assert.That(result.Error, Does.Not.Contain("unknown ref"));
    }

    [Test]
    public void Docs_serve_listens_on_the_given_host()
    {
        _project.With("target/docs/index.html", "<html></html>");
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        var result = _project.Forge(stopped.Token, "docs", "serve", "--host", "127.0.0.2", "--port", "0", "--no-browser");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Match(@"at http://127\.0\.0\.2:\d+/"));
    }
}
