using ModelForge.Runner.Memo;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>
/// The memo's read and stats begun at process start (MemoPrefetch): taken by the memo check for the place it
/// guessed right, ignored for any other, and never a different answer from a check without it.
/// </summary>
public sealed class MemoPrefetchTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("prefetch")
        .WithProjectFile("")
        .WithEnvironment("FORGE_CACHE_TRACE", "1")
        .With("models/plain.sql", "select 1 as id")
        .With("models/next.sql", "select id from {{ ref('plain') }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    // The memo's trace lines ("compile memo check: ...", "compile memo: hit"), joined.
    private string MemoTrace(params string[] args) =>
        string.Join(" / ", _project.Forge(args).Error.Split('\n').Where(l => l.Contains(" memo", StringComparison.Ordinal)).Select(l => l.Trim()));

    // A memo whose folders are proven by their times: recorded, then (past the racy window of the folders the
    // compile wrote) checked once, which keeps their times; the next check lists nothing.
    private void Record(params string[] args)
    {
        _project.DateInputsBack();
        var result = _project.Forge(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Thread.Sleep(100);
        Assert.That(_project.Forge(args).ExitCode, Is.EqualTo(0));
    }

    [TestCase("compile")]
    [TestCase("parse")]
    [TestCase("ls")]
    public void A_hit_takes_the_stats_taken_at_start(string command)
    {
        Record(command);

        Assert.That(MemoTrace(command), Does.Contain("memo stats: taken at start").And.EndWith("hit"));
    }

    [Test]
    public void The_target_path_and_project_dir_flags_and_variables_are_followed()
    {
        _project.WithEnvironment("FORGE_TARGET_PATH", "from_env");
        Record("compile");
        Assert.That(_project.Exists("from_env/" + MemoFile.NameFor("compile")));
        Assert.That(MemoTrace("compile"), Does.Contain("memo stats: taken at start").And.EndWith("hit"));

        // The flag wins over the variable, in either spelling, as the parser has it.
        Record("compile", "--target-path", "from_flag");
        Assert.That(MemoTrace("compile", "--target-path=from_flag"), Does.Contain("memo stats: taken at start").And.EndWith("hit"));

        var inner = Path.Combine(_project.Root, "..", Path.GetFileName(_project.Root));
        string[] elsewhere = ["compile", "--project-dir", inner, "--target-path", "from_flag"];
        Record(elsewhere);
        Assert.That(MemoTrace(elsewhere), Does.Contain("memo stats: taken at start").And.EndWith("hit"));
    }

    [Test]
    public void An_edit_found_by_the_early_stats_is_rendered()
    {
        Record("compile");
        _project.With("models/plain.sql", "select 2 as id");

        Assert.That(MemoTrace("compile"), Does.Contain("memo stats: taken at start").And.Contain("memo delta: read beside the check").And.Contain("delta: rendered 1"));
        Assert.That(_project.Read("target/compiled/prefetch/models/plain.sql"), Is.EqualTo("select 2 as id"));
    }

    [Test]
    public void An_edit_saved_through_a_temporary_file_is_read_ahead_for()
    {
        // As many editors save: a new file renamed over the old one, which changes the folder (its listing decides).
        Record("compile");
        var saved = Path.Combine(_project.Root, "models", ".plain.sql.swp");
        File.WriteAllText(saved, "select 3 as id");
        File.Move(saved, Path.Combine(_project.Root, "models", "plain.sql"), overwrite: true);

        Assert.That(MemoTrace("compile"), Does.Contain("memo stats: taken at start").And.Contain("memo delta: read beside the check").And.Contain("delta: rendered 1"));
        Assert.That(_project.Read("target/compiled/prefetch/models/plain.sql"), Is.EqualTo("select 3 as id"));
    }

    [Test]
    public void An_edit_the_delta_refuses_was_read_ahead_for_in_vain_and_compiles_in_full()
    {
        // A model's new config changes its node: the reads begun at the first differing stat are dropped, and the full
        // compile's output is as without them.
        Record("compile");
        _project.With("models/next.sql", "{{ config(materialized='table') }} select id from {{ ref('plain') }} where id > 0");

        var trace = MemoTrace("compile");
        Assert.That(trace, Does.Contain("memo stats: taken at start").And.Contain("compile memo: miss").And.Not.Contain("delta: rendered"));
        Assert.That(_project.Read("target/compiled/prefetch/models/next.sql"), Does.EndWith("where id > 0"));
        using var manifest = System.Text.Json.JsonDocument.Parse(_project.Read("target/manifest.json"));
        var config = manifest.RootElement.GetProperty("nodes").GetProperty("model.prefetch.next").GetProperty("config");
        Assert.That(config.GetProperty("materialized").GetString(), Is.EqualTo("table"));
    }

    [Test]
    public void A_variable_read_by_a_model_rendered_ahead_is_still_recorded()
    {
        _project.With("models/regional.sql", "select '{{ env_var('FORGE_PREFETCH_TEST_REGION', 'eu') }}' as region");
        Record("compile");
        _project.With("models/regional.sql", "select '{{ env_var('FORGE_PREFETCH_TEST_REGION', 'eu') }}' as region, 1 as n");
        // Dated back, the edit is vouched for: the delta writes the memo, with what its render read.
        _project.DateInputsBack();
        Assert.That(MemoTrace("compile"), Does.Contain("memo delta: read beside the check").And.Contain("delta: rendered 1").And.EndWith("memo: written"));

        _project.WithEnvironment("FORGE_PREFETCH_TEST_REGION", "us");

        Assert.That(MemoTrace("compile"), Does.Contain("miss: environment variable FORGE_PREFETCH_TEST_REGION differs"));
        Assert.That(_project.Read("target/compiled/prefetch/models/regional.sql"), Is.EqualTo("select 'us' as region, 1 as n"));
    }

    [Test]
    public void A_macro_edit_renders_with_the_macro_as_edited_not_as_read_ahead()
    {
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100){% endmacro %}")
            .With("models/uses_macro.sql", "select {{ cents('amount') }} as dollars from {{ ref('plain') }}");
        Record("compile");
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}");

        Assert.That(MemoTrace("compile"), Does.Contain("memo delta: read beside the check").And.Contain("delta: rendered 1 (macro files: 1)"));
        Assert.That(_project.Read("target/compiled/prefetch/models/uses_macro.sql"), Does.Contain("/ 100.0"));
    }

    [Test]
    public void A_prefetch_is_taken_once_and_only_for_the_place_it_looked()
    {
        Record("compile");
        var memoPath = Path.Combine(_project.Root, "target", MemoFile.NameFor("compile"));

        var elsewhere = MemoPrefetch.Start(["compile"], _project.Root, _ => null)!;
        Assert.That(elsewhere.Take(Path.Combine(_project.Root, "elsewhere", MemoFile.NameFor("compile"))), Is.Null);
        Assert.That(elsewhere.Take(memoPath), Is.Null, "one invocation, one check: taken or not, it is spent");

        var here = MemoPrefetch.Start(["compile"], _project.Root, _ => null)!;
        var taken = here.Take(memoPath);
        Assert.That(taken?.Memo, Is.Not.Null);
        Assert.That(taken!.Value.Proofs, Has.Length.EqualTo(taken.Value.Memo!.Scans.Count));
        Assert.That(here.Take(memoPath), Is.Null, "a second check reads for itself");
    }

    [Test]
    public void The_guess_follows_the_project_files_target_path()
    {
        _project.WithProjectFile("target-path: \"build/out\"  # artifacts\n");
        Record("compile");

        var prefetch = MemoPrefetch.Start(["compile"], _project.Root, _ => null)!;

        Assert.That(prefetch.Take(Path.Combine(_project.Root, "build", "out", MemoFile.NameFor("compile")))?.Memo, Is.Not.Null);
    }

    [Test]
    public void Scans_of_several_chunks_are_proven_by_threads_sharing_them()
    {
        // 2,500 models: their folder and the compiled one take two chunks of stats each (2,048 to a chunk).
        for (var i = 0; i < 2500; i++) _project.With($"models/many/m{i:D4}.sql", $"select {i} as n");
        Record("compile");
        Assert.That(MemoTrace("compile"), Does.Contain("memo stats: taken at start").And.EndWith("hit"));

        _project.With("models/many/m0007.sql", "select -7 as n").With("models/many/m2400.sql", "select -2400 as n");

        Assert.That(MemoTrace("compile"), Does.Contain("memo stats: taken at start").And.Contain("delta: rendered 2"));
        Assert.That(_project.Read("target/compiled/prefetch/models/many/m2400.sql"), Is.EqualTo("select -2400 as n"));
    }

    [TestCase("run")]
    [TestCase("--debug")]
    [TestCase("docs")]
    public void Other_commands_start_none(string first) =>
        Assert.That(MemoPrefetch.Start([first, "compile"], _project.Root, _ => null), Is.Null);
}
