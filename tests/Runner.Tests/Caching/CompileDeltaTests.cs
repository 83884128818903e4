using System.Text.RegularExpressions;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation.Delta;
using ModelForge.Runner.Memo;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>
/// `forge compile` after edits of model files alone renders just those models from target/'s compile delta
/// (its compiled files written, manifest.json patched) when their config, refs and sources read the same, and
/// leaves exactly what a full compile would. Anything else is a full compile. FORGE_CACHE_TRACE=1 says which.
/// </summary>
public sealed partial class CompileDeltaTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("delta")
        .WithProjectFile("vars:\n  threshold: 10\nmodels:\n  delta:\n    marts:\n      +materialized: table\n")
        .WithEnvironment("FORGE_CACHE_TRACE", "1")
        .With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}")
        .With("models/plain.sql", "select 1 as id, 250 as amount")
        .With("models/marts/orders.sql", "{{ config(tags=['daily']) }}\nselect id, {{ cents('amount') }} as dollars, {{ var('threshold') }} as threshold\nfrom {{ ref('plain') }}")
        .With("models/uses_env.sql", "select '{{ env_var('FORGE_DELTA_TEST_REGION', 'eu') }}' as region, * from {{ ref('plain') }}")
        .With("models/other.sql", "select * from {{ ref('plain') }}")
        .With("models/cte.sql", "{{ config(materialized='ephemeral') }}select 2 as id")
        .With("models/uses_cte.sql", "select * from {{ ref('cte') }}")
        .With("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: \"Orders \\\"in cents\\\"\"\n    columns:\n      - name: id\n        data_tests: [not_null]\n");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private (ForgeResult Result, string Memo) Compile() => Run("compile");

    // The command, with what its memo did (FORGE_CACHE_TRACE's "<command> memo: " lines, joined).
    private (ForgeResult Result, string Memo) Run(string command)
    {
        _project.DateInputsBack();
        var result = _project.Forge(command);
        return (result, string.Join(" / ", result.Traced($"{command} memo: ")));
    }

    private void Recorded()
    {
        var (result, memo) = Compile();
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Does.EndWith("written").And.Not.Contain("not written").Or.EqualTo("hit"), result.ToString());
    }

    private ForgeResult Delta(int rendered)
    {
        var (result, memo) = Compile();
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Is.EqualTo($"delta: rendered {rendered} / written"), result.ToString());
        return result;
    }

    private void Full(string because)
    {
        var (result, memo) = Compile();
        Assert.That(memo, Does.StartWith("miss: ").And.Contain(because), result.ToString());
    }

    // Everything a compile leaves in target/compiled/ and manifest.json, the manifest's per-invocation fields blanked.
    private SortedDictionary<string, string> Outputs()
    {
        var target = Path.Combine(_project.Root, "target");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(target, "compiled"), "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(target, file)] = File.ReadAllText(file);
        files["manifest.json"] = Invocation().Replace(File.ReadAllText(Path.Combine(target, "manifest.json")), "\"$1\": \"-\"");
        return files;
    }

    [GeneratedRegex("\"(generated_at|invocation_id)\": ?\"[^\"]*\"")]
    private static partial Regex Invocation();

    // The outputs of a compile from nothing (no memo, caches or delta): what the delta must have left.
    private SortedDictionary<string, string> FullCompileOutputs()
    {
        var target = Path.Combine(_project.Root, "target");
        foreach (var name in new[] { MemoFile.NameFor("compile"), "forge_compile_cache.bin", "forge_static_parse.bin", DeltaSnapshot.FileNameFor("compile"), ManifestIndex.FileName })
            File.Delete(Path.Combine(target, name));
        var result = _project.Forge("compile");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return Outputs();
    }

    [Test]
    public void An_edited_model_is_rendered_alone_and_leaves_what_a_full_compile_leaves()
    {
        Recorded();
        var first = _project.Forge("compile").Output;
        _project.With("models/marts/orders.sql", "{{ config(tags=['daily']) }}\n-- dollars, not cents: \"quoted\" \\ and ünïcode </script>\nselect id, {{ cents('amount') }} as dollars, {{ var('threshold') }} + 1 as threshold\nfrom {{ ref('plain') }}");

        var delta = Delta(1);

        Assert.That(delta.Output, Is.EqualTo(first));
        Assert.That(delta.Error, Does.Contain("compile cache: rendered model.delta.orders"));
        Assert.That(_project.Read("target/compiled/delta/models/marts/orders.sql"), Does.Contain("10 + 1 as threshold").And.Contain("(amount / 100.0)"));
        var left = Outputs();
        Assert.That(Compile().Memo, Is.EqualTo("hit"), "the memo describes what the delta left");
        Assert.That(FullCompileOutputs(), Is.EqualTo(left));
    }

    [Test]
    public void Successive_edits_of_several_models_stay_exact()
    {
        Recorded();
        _project.With("models/plain.sql", "select 1 as id, 250 as amount -- first edit");
        Delta(1);
        _project.With("models/plain.sql", "select 1 as id, 300 as amount");
        _project.With("models/other.sql", "select upper('x') as x, * from {{ ref('plain') }}");
        Delta(2);

        Assert.That(_project.Read("target/compiled/delta/models/other.sql"), Does.Contain("upper('x')"));

        // A full compile after the deltas, with the caches they left (the compile cache and static parse memo still
        // hold the models' earlier texts): what a compile from nothing gives.
        _project.With("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: Orders, edited\n");
        Full("schema.yml changed");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void An_edit_that_changes_refs_or_config_is_a_full_compile()
    {
        Recorded();
        _project.With("models/other.sql", "select * from {{ ref('orders') }}");
        Full("its config, refs or sources may have changed");
        Assert.That(_project.Read("target/manifest.json"), Does.Contain("\"model.delta.orders\""));

        Recorded();
        _project.With("models/plain.sql", "{{ config(materialized='table') }}select 1 as id, 250 as amount");
        Full("its config, refs or sources may have changed");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void An_edit_that_breaks_the_template_is_reported_by_the_full_compile()
    {
        Recorded();
        _project.With("models/plain.sql", "select {{ 1 + }} as id");

        var (result, memo) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("does not parse"));
        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Error, Does.Contain("models/plain.sql:1:"));
    }

    [Test]
    public void An_edit_that_reads_the_invocation_or_logs_is_a_full_compile()
    {
        Recorded();
        _project.With("models/plain.sql", "select 1 as id, 250 as amount, '{{ invocation_id }}' as run");
        Full("plain.sql");
        Assert.That(_project.Read("target/compiled/delta/models/plain.sql"), Does.Match("'[0-9a-f-]{36}' as run"));

        _project.With("models/plain.sql", "select 1 as id, 250 as amount");
        Recorded();
        _project.With("models/plain.sql", "{% do log('hello', info=true) %}select 1 as id, 250 as amount");
        Full("plain.sql");
    }

    [Test]
    public void Editing_an_ephemeral_model_or_one_that_refs_it_is_a_full_compile()
    {
        Recorded();
        _project.With("models/cte.sql", "{{ config(materialized='ephemeral') }}select 3 as id");
        Full("is neither a model nor a macro file the last compile read");
        Assert.That(_project.Read("target/compiled/delta/models/uses_cte.sql"), Does.Contain("select 3 as id"));

        Recorded();
        _project.With("models/uses_cte.sql", "select id from {{ ref('cte') }}");
        Full("is neither a model nor a macro file the last compile read");
    }

    [Test]
    public void An_edit_beside_any_other_change_is_a_full_compile()
    {
        Recorded();
        _project.With("models/plain.sql", "select 1 as id, 251 as amount");
        _project.With("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: Orders\n");
        Full("models/schema.yml changed");

        Recorded();
        _project.With("models/plain.sql", "select 1 as id, 252 as amount");
        _project.With("models/added.sql", "select 1 as n");
        Full("files added or removed");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void No_delta_follows_a_compile_whose_templates_read_the_graph()
    {
        _project.With("models/counts.sql", "select {{ graph.nodes | length }} as nodes");
        Recorded();
        Assert.That(File.Exists(Path.Combine(_project.Root, "target", DeltaSnapshot.FileNameFor("compile"))), Is.False);
        _project.With("models/plain.sql", "select 1 as id, 253 as amount");
        Full("plain.sql changed");
    }

    [Test]
    public void A_manifest_changed_by_someone_else_is_never_patched()
    {
        Recorded();
        var manifest = Path.Combine(_project.Root, "target", "manifest.json");
        _project.With("models/plain.sql", "select 1 as id, 254 as amount");
        File.AppendAllText(manifest, " ");
        Full("manifest.json");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void Parse_after_an_edit_patches_the_manifest_as_a_full_parse_writes_it()
    {
        Assert.That(Run("parse").Memo, Does.EndWith("written"));
        _project.With("models/plain.sql", "select 1 as id, 255 as amount -- \"parsed\"");

        var (result, memo) = Run("parse");

        Assert.That(memo, Is.EqualTo("delta: read 1 / written"), result.ToString());
        Assert.That(result.Output, Does.Contain("Wrote target/manifest.json"));
        var patched = Invocation().Replace(_project.Read("target/manifest.json"), "\"$1\": \"-\"");
        Assert.That(patched, Does.Contain("255 as amount"));
        Assert.That(Run("parse").Memo, Is.EqualTo("hit"));
        File.Delete(Path.Combine(_project.Root, "target", MemoFile.NameFor("parse")));
        Assert.That(_project.Forge("parse").ExitCode, Is.EqualTo(0));
        Assert.That(Invocation().Replace(_project.Read("target/manifest.json"), "\"$1\": \"-\""), Is.EqualTo(patched));
    }

    [Test]
    public void Ls_after_an_edit_lists_without_loading_and_a_changed_ref_lists_anew()
    {
        var (first, recorded) = Run("ls");
        Assert.That(recorded, Does.EndWith("written"), first.ToString());
        _project.With("models/plain.sql", "select 1 as id, 256 as amount");

        var (again, memo) = Run("ls");

        Assert.That(memo, Is.EqualTo("delta: read 1 / written"), again.ToString());
        Assert.That(again.Output, Is.EqualTo(first.Output));

        _project.With("models/other.sql", "select * from {{ ref('orders') }}");
        Assert.That(Run("ls").Memo, Does.StartWith("miss: ").And.Contain("may have changed"));
    }

    [Test]
    public void Editing_a_model_under_unit_test_is_a_full_compile()
    {
        _project.With("models/unit_tests.yml", "unit_tests:\n  - name: adds_cents\n    model: other\n    given:\n      - input: ref('plain')\n        rows: [{id: 1, amount: 5}]\n    expect:\n      rows: [{id: 1, amount: 5}]\n");
        Recorded();
        _project.With("models/other.sql", "select id, amount from {{ ref('plain') }}");

        Full("is neither a model nor a macro file the last compile read");
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void A_packages_model_is_rendered_alone_into_its_packages_compiled_folder()
    {
        _project.With("dbt_packages/helpers/dbt_project.yml", "name: helpers\nversion: '1.0'\n")
            .With("dbt_packages/helpers/models/helper_model.sql", "select 1 as one");
        Recorded();
        _project.With("dbt_packages/helpers/models/helper_model.sql", "select 1 as one, 2 as two");

        Delta(1);

        Assert.That(_project.Read("target/compiled/helpers/models/helper_model.sql"), Is.EqualTo("select 1 as one, 2 as two"));
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));
    }

    [Test]
    public void On_sql_server_an_edit_is_validated_as_the_full_compile_validates_it()
    {
        _project.WithRecordingSqlServerProfile();
        Recorded();
        _project.With("models/plain.sql", "select 1 as id, 250 as amount -- T-SQL, checked with ScriptDom");
        Delta(1);
        Assert.That(FullCompileOutputs(), Is.EqualTo(Outputs()));

        Recorded();
        _project.With("models/plain.sql", "select 1 as id, 250 as amount from");

        var (result, memo) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("the compiled SQL does not validate"), result.ToString());
        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Error, Does.Match(@"models/plain\.sql:\d+:\d+"), result.ToString());
    }
}
