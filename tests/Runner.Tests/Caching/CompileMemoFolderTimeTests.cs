using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>
/// The memo's check proves a folder's listing unchanged by its ctime (which moves with every entry
/// created, removed or renamed in it) instead of listing it: once every folder's ctime is old enough to
/// vouch for, a hit lists nothing, and every kind of change is still found. FORGE_CACHE_TRACE=1 prints
/// "compile memo check: N of M places unchanged without listing[; listed ...]" on a hit.
/// </summary>
public sealed class CompileMemoFolderTimeTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("folder ctimes are read with statx, on Linux only; elsewhere every folder is listed");
        _project = new TempProject("memo")
            .WithProjectFile()
            .WithEnvironment("FORGE_CACHE_TRACE", "1")
            .With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}")
            .With("models/plain.sql", "select 1 as id")
            .With("models/nested/deeper/uses_macro.sql", "select {{ cents('amount') }} as dollars from {{ ref('plain') }}")
            .With("models/schema.yml", "version: 2\nmodels:\n  - name: plain\n    columns:\n      - name: id\n        data_tests: [not_null]\n");
    }

    [TearDown]
    public void TearDown() => _project?.Dispose();

    private (ForgeResult Result, string Memo, string Check) Compile()
    {
        var result = _project.Forge("compile");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return (result, string.Join(" / ", result.Traced("compile memo: ")), string.Join(" / ", result.Traced("compile memo check: ")));
    }

    // A memo whose every folder is old enough to vouch for: a hit that lists nothing.
    private void RecordedAndProven()
    {
        var past = DateTime.UtcNow.AddMinutes(-1);
        foreach (var file in Directory.EnumerateFiles(_project.Root, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, past);
        Assert.That(Compile().Memo, Does.EndWith("written").And.Not.Contain("not written"));
        Thread.Sleep(100);
        Assert.That(Compile().Memo, Is.EqualTo("hit"));
        var (_, memo, check) = Compile();
        Assert.That(memo, Is.EqualTo("hit"));
        Assert.That(check, Does.EndWith("places unchanged without listing"), "no folder listed");
    }

    [Test]
    public void Once_every_folder_is_vouched_for_a_hit_lists_none()
    {
        RecordedAndProven();

        var (result, memo, check) = Compile();

        Assert.That(memo, Is.EqualTo("hit"));
        Assert.That(check, Does.Not.Contain("listed"));
        Assert.That(result.Output, Does.Contain("Compiled"));
    }

    [TestCase("models/added.sql", "select 2 as n", TestName = "A_model_added_beside_others_is_found_without_listing")]
    [TestCase("models/nested/deeper/added.sql", "select 2 as n", TestName = "A_model_added_deep_in_the_tree_is_found_without_listing")]
    [TestCase("models/.hidden", "x", TestName = "A_hidden_file_added_is_found_without_listing")]
    [TestCase("selectors.yml", "selectors: []\n", TestName = "A_project_level_yaml_file_added_is_found_without_listing")]
    [TestCase("analyses/report.sql", "select 1", TestName = "A_file_in_a_configured_folder_that_was_missing_is_found")]
    [TestCase("target/compiled/memo/models/stray.sql", "select 1", TestName = "A_file_added_to_the_compiled_output_is_found")]
    public void An_added_file_means_a_full_compile(string path, string text)
    {
        RecordedAndProven();
        _project.With(path, text);

        var (_, memo, _) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("files added or removed"));
    }

    [TestCase("models/schema.yml", TestName = "A_yaml_file_deleted_is_found_without_listing")]
    [TestCase("models/nested/deeper/uses_macro.sql", TestName = "A_model_deleted_deep_in_the_tree_is_found_without_listing")]
    [TestCase("target/compiled/memo/models/plain.sql", TestName = "A_compiled_file_deleted_is_found_without_listing")]
    public void A_deleted_file_means_a_full_compile(string path)
    {
        RecordedAndProven();
        _project.Without(path);

        var (_, memo, _) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("files added or removed"));
    }

    [Test]
    public void A_file_renamed_to_a_name_of_the_same_length_with_its_time_kept_is_found()
    {
        RecordedAndProven();
        var from = Path.Combine(_project.Root, "models/nested/deeper/uses_macro.sql");
        var to = Path.Combine(_project.Root, "models/nested/deeper/uses_macrx.sql");
        var time = File.GetLastWriteTimeUtc(from);
        // A rename leaves the file's size and time as they were: only the folder's ctime tells.
        File.Move(from, to);
        File.SetLastWriteTimeUtc(to, time);

        var (_, memo, _) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("files added or removed"));
    }

    [Test]
    public void A_folder_whose_time_is_set_back_after_a_file_was_added_is_still_listed()
    {
        RecordedAndProven();
        var folder = Path.Combine(_project.Root, "models/nested");
        var time = Directory.GetLastWriteTimeUtc(folder);
        _project.With("models/nested/added.sql", "select 2 as n");
        // Tools that copy trees (rsync -a, tar) set a folder's write time back; its ctime they cannot.
        Directory.SetLastWriteTimeUtc(folder, time);

        var (_, memo, _) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("files added or removed"));
    }

    [Test]
    public void A_file_rewritten_with_the_same_size_is_found_without_listing()
    {
        RecordedAndProven();
        _project.With("models/plain.sql", "select 7 as id");

        var (_, memo, _) = Compile();

        // Found, and rendered alone (CompileDeltaTests).
        Assert.That(memo, Does.StartWith("delta: rendered 1"));
        Assert.That(_project.Read("target/compiled/memo/models/plain.sql"), Is.EqualTo("select 7 as id"));
    }

    [Test]
    public void A_compiled_file_rewritten_with_the_same_size_is_found_without_listing()
    {
        RecordedAndProven();
        _project.With("target/compiled/memo/models/plain.sql", "select 9 as id");

        var (_, memo, _) = Compile();

        Assert.That(memo, Does.StartWith("miss: ").And.Contain("plain.sql changed"));
        Assert.That(_project.Read("target/compiled/memo/models/plain.sql"), Is.EqualTo("select 1 as id"));
    }

    [Test]
    public void A_file_created_and_removed_again_costs_one_listing_then_none()
    {
        RecordedAndProven();
        _project.With("models/nested/scratch.sql", "select 1").Without("models/nested/scratch.sql");
        Thread.Sleep(100);

        var (_, memo, check) = Compile();
        Assert.That(memo, Is.EqualTo("hit"));
        Assert.That(check, Does.Contain("listed ").And.Contain("models"));

        (_, memo, check) = Compile();
        Assert.That(memo, Is.EqualTo("hit"));
        Assert.That(check, Does.Not.Contain("listed"));
    }

    [Test]
    public void A_memo_recorded_from_the_last_one_after_an_edit_still_finds_every_later_change()
    {
        RecordedAndProven();
        // After an edit the memo is written from the last one, the edited files' entries restamped and rehashed
        // (a config() call changed: a full compile, not a delta).
        Edit("models/plain.sql", "{{ config(tags=['two']) }}select 2 as id", -30);
        var (_, memo, _) = Compile();
        Assert.That(memo, Does.StartWith("miss: models/plain.sql: its config, refs or sources may have changed").And.EndWith(" / written"));
        Thread.Sleep(100);

        (_, memo, var check) = Compile();
        Assert.That(memo, Is.EqualTo("hit"));
        Assert.That(check, Does.Not.Contain("listed"));

        Edit("models/plain.sql", "{{ config(tags=['three']) }}select 3 as id", -20);
        Assert.That(Compile().Memo, Does.StartWith("miss: models/plain.sql: its config, refs or sources may have changed").And.EndWith(" / written"));
        Assert.That(_project.Read("target/compiled/memo/models/plain.sql"), Is.EqualTo("select 3 as id"));
        Thread.Sleep(100);
        Assert.That(Compile().Memo, Is.EqualTo("hit"));

        _project.With("target/compiled/memo/models/plain.sql", "select 4 as id");
        Assert.That(Compile().Memo, Does.StartWith("miss: ").And.Contain("plain.sql changed"));
        Assert.That(_project.Read("target/compiled/memo/models/plain.sql"), Is.EqualTo("select 3 as id"));

        _project.With("models/nested/deeper/added.sql", "select 5 as n");
        Assert.That(Compile().Memo, Does.StartWith("miss: ").And.Contain("files added or removed"));
    }

    // An edit dated `seconds` from now: older than the compile's racy window, as an edit made a while ago.
    private void Edit(string path, string text, int seconds)
    {
        _project.With(path, text);
        File.SetLastWriteTimeUtc(Path.Combine(_project.Root, path), DateTime.UtcNow.AddSeconds(seconds));
    }

    [Test]
    public void A_file_edited_during_the_compile_after_an_edit_keeps_the_memo_from_being_written()
    {
        RecordedAndProven();
        // Stands for an edit the compile may have missed: a time after the compile's start.
        Edit("models/plain.sql", "select 2 as id", 60);

        var (_, memo, _) = Compile();

        Assert.That(memo, Does.Contain("not written").And.Contain("plain.sql changed during the compile"));
    }

    [Test]
    public void A_damaged_entry_list_in_the_memo_is_no_memo()
    {
        RecordedAndProven();
        var memoPath = Path.Combine(_project.Root, "target", "forge_compile_memo.bin");
        var bytes = File.ReadAllBytes(memoPath);
        // Cut inside the entries: their stated byte count no longer matches what they hold.
        File.WriteAllBytes(memoPath, bytes[..(bytes.Length * 2 / 3)]);

        var (_, memo, _) = Compile();

        Assert.That(memo, Does.StartWith("miss: memo unreadable"));
    }
}
