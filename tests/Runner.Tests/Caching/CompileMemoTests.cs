using ModelForge.Runner.Memo;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>
/// `forge compile` with nothing changed replays the last compile from target/'s memo without
/// loading the project; any change to what it read or wrote means a full compile. FORGE_CACHE_TRACE=1
/// says which ("compile memo: hit" / "miss: why" / "written" / "not written: why").
/// </summary>
public sealed class CompileMemoTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("memo")
        .WithProjectFile("vars:\n  threshold: 10\n")
        .WithEnvironment("FORGE_CACHE_TRACE", "1")
        .With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}")
        .With("models/plain.sql", "select 1 as id")
        .With("models/uses_macro.sql", "select {{ cents('amount') }} as dollars from {{ ref('plain') }}")
        .With("models/uses_var.sql", "select {{ var('threshold') }} as threshold")
        .With("models/uses_env.sql", "select '{{ env_var('FORGE_MEMO_TEST_REGION', 'eu') }}' as region")
        .With("models/schema.yml", "version: 2\nmodels:\n  - name: plain\n    columns:\n      - name: id\n        data_tests: [not_null]\n");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private (ForgeResult Result, string Memo) Compile(params string[] args)
    {
        var result = _project.Forge(["compile", .. args]);
        var memo = string.Join(" / ", result.Traced("compile memo: "));
        return (result, memo);
    }

    /// <summary>A compile that leaves a memo behind (a full one, or a replay of one already there).</summary>
    private ForgeResult Recorded(params string[] args)
    {
        _project.DateInputsBack();
        var (result, memo) = Compile(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Does.EndWith("written").And.Not.Contain("not written").Or.EqualTo("hit"), result.ToString());
        return result;
    }

    private void AssertMiss(string because, params string[] args)
    {
        var (result, memo) = Compile(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Does.StartWith("miss: ").And.Contain(because), result.ToString());
    }

    // The edit found and its model rendered alone by the compile delta.
    private void AssertRendered()
    {
        var (result, memo) = Compile();
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Does.StartWith("delta: rendered 1"), result.ToString());
    }

    private Dictionary<string, (long, long, string)> TargetFiles() =>
        Directory.EnumerateFiles(Path.Combine(_project.Root, "target"), "*", SearchOption.AllDirectories).ToDictionary(
            f => f, f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f).Ticks, File.ReadAllText(f)));

    [Test]
    public void A_compile_with_nothing_changed_replays_the_output_and_touches_nothing()
    {
        var first = Recorded();
        // Past the racy window of the folders the compile wrote: the first hit then proves them and keeps their
        // times. A hit within it could leave them unproven, and the next hit would refresh the memo instead.
        Thread.Sleep(100);
        var before = TargetFiles();

        var (again, memo) = Compile();

        Assert.That(memo, Is.EqualTo("hit"));
        Assert.That(again.ExitCode, Is.EqualTo(first.ExitCode));
        Assert.That(again.Output, Is.EqualTo(first.Output));
        Assert.That(again.Error.Split('\n').Where(l => !l.StartsWith("compile ", StringComparison.Ordinal)),
            Is.EqualTo(first.Error.Split('\n').Where(l => !l.StartsWith("compile ", StringComparison.Ordinal))));
        // The first check may refresh the memo itself (folders too recent to vouch for their listing when it
        // was written are listed once and their times kept); no output is touched, and the next hit touches nothing.
        var memoFile = Path.Combine(_project.Root, "target", MemoFile.NameFor("compile"));
        Assert.That(TargetFiles().Where(f => f.Key != memoFile), Is.EqualTo(before.Where(f => f.Key != memoFile)));
        before = TargetFiles();
        Assert.That(Compile().Memo, Is.EqualTo("hit"));
        Assert.That(TargetFiles(), Is.EqualTo(before));
    }

    [Test]
    public void Warnings_of_the_recorded_compile_are_printed_again()
    {
        _project.With("models/warns.sql", "{% do exceptions.warn('check the grain') %}select 1 as n");
        var first = Recorded();
        Assert.That(first.All, Does.Contain("check the grain"));

        var (again, memo) = Compile();

        Assert.That(memo, Is.EqualTo("hit"));
        Assert.That(again.All, Does.Contain("check the grain"));
    }

    [Test]
    public void Editing_a_model_renders_it_again()
    {
        Recorded();
        _project.With("models/plain.sql", "select 2 as id");

        // Rendered alone from the compile delta (CompileDeltaTests); an edit the delta cannot take is a full compile.
        AssertRendered();
        Assert.That(_project.Read("target/compiled/memo/models/plain.sql"), Is.EqualTo("select 2 as id"));
    }

    [Test]
    public void Editing_a_macros_parameters_means_a_full_compile()
    {
        // An edit of its body alone is taken as a delta (CompileDeltaTests.Macros).
        Recorded();
        _project.With("macros/cents.sql", "{% macro cents(c, scale='100.00') %}({{ c }} / {{ scale }}){% endmacro %}");

        AssertMiss("macros/cents.sql: a macro was added, removed or renamed, or its parameters changed");
        Assert.That(_project.Read("target/compiled/memo/models/uses_macro.sql"), Does.Contain("100.00"));
    }

    [Test]
    public void Editing_a_yaml_file_means_a_full_compile()
    {
        Recorded();
        _project.With("models/schema.yml", "version: 2\nmodels:\n  - name: plain\n    columns:\n      - name: id\n        data_tests: [unique]\n");

        AssertMiss("models/schema.yml changed");
    }

    [Test]
    public void Touching_a_file_without_changing_it_still_replays()
    {
        Recorded();
        File.SetLastWriteTimeUtc(Path.Combine(_project.Root, "models/plain.sql"), DateTime.UtcNow.AddSeconds(-30));

        Assert.That(Compile().Memo, Is.EqualTo("hit"));
        Assert.That(Compile().Memo, Is.EqualTo("hit"));
    }

    [Test]
    public void Files_deep_in_nested_folders_and_behind_a_folder_link_are_checked()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("symbolic links need privileges on Windows");
        _project.With("models/a/b/c/d/deep.sql", "select 1 as deep").With("shared/linked.sql", "select 1 as linked");
        Directory.CreateSymbolicLink(Path.Combine(_project.Root, "models/through_link"), Path.Combine(_project.Root, "shared"));
        Recorded();
        Assert.That(Compile().Memo, Is.EqualTo("hit"));

        _project.With("models/a/b/c/d/deep.sql", "select 2 as deep");
        AssertRendered();
        Assert.That(_project.Read("target/compiled/memo/models/a/b/c/d/deep.sql"), Is.EqualTo("select 2 as deep"));
        Recorded();

        // The link's target is edited: the file is read through the link, so it is hashed every time.
        _project.With("shared/linked.sql", "select 2 as linked");
        AssertRendered();
        Assert.That(_project.Read("target/compiled/memo/models/through_link/linked.sql"), Is.EqualTo("select 2 as linked"));
    }

    [Test]
    public void Touching_a_file_with_a_byte_order_mark_without_changing_it_still_replays()
    {
        // The memo hashes the bytes on disk; the loader's text lost the mark, so its hash must not stand in.
        File.WriteAllBytes(Path.Combine(_project.Root, "models/marked.sql"), [0xEF, 0xBB, 0xBF, .. "select 1 as marked"u8]);
        Recorded();
        File.SetLastWriteTimeUtc(Path.Combine(_project.Root, "models/marked.sql"), DateTime.UtcNow.AddSeconds(-30));

        Assert.That(Compile().Memo, Is.EqualTo("hit"));
    }

    [Test]
    public void Adding_a_file_means_a_full_compile()
    {
        Recorded();
        _project.With("models/deeper/added.sql", "select 3 as n");

        AssertMiss("files added or removed");
        Assert.That(_project.Exists("target/compiled/memo/models/deeper/added.sql"));
    }

    [Test]
    public void Adding_a_project_level_yaml_file_means_a_full_compile()
    {
        Recorded();
        _project.With("selectors.yml", "selectors: []\n");

        AssertMiss("files added or removed");
    }

    [Test]
    public void Deleting_a_file_means_a_full_compile()
    {
        Recorded();
        _project.Without("models/uses_var.sql");

        AssertMiss("files added or removed");
    }

    [Test]
    public void Changing_a_var_means_a_full_compile()
    {
        Recorded();

        AssertMiss("arguments", "--vars", "{threshold: 20}");
        Assert.That(_project.Read("target/compiled/memo/models/uses_var.sql"), Is.EqualTo("select 20 as threshold"));
    }

    [Test]
    public void Changing_an_env_var_a_template_reads_means_a_full_compile()
    {
        Recorded();
        _project.WithEnvironment("FORGE_MEMO_TEST_REGION", "us");

        AssertMiss("environment variable FORGE_MEMO_TEST_REGION differs");
        Assert.That(_project.Read("target/compiled/memo/models/uses_env.sql"), Is.EqualTo("select 'us' as region"));
    }

    [Test]
    public void Changing_an_env_var_yaml_reads_means_a_full_compile()
    {
        _project.WithProjectFile("vars:\n  threshold: \"{{ env_var('FORGE_MEMO_TEST_THRESHOLD', '10') }}\"\n");
        Recorded();
        _project.WithEnvironment("FORGE_MEMO_TEST_THRESHOLD", "30");

        AssertMiss("environment variable FORGE_MEMO_TEST_THRESHOLD differs");
        Assert.That(_project.Read("target/compiled/memo/models/uses_var.sql"), Is.EqualTo("select 30 as threshold"));
    }

    [Test]
    public void Switching_target_or_editing_the_profile_means_a_full_compile()
    {
        _project.With("profiles.yml",
            "memo:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n      schema: main\n" +
            "    prod:\n      type: duckdb\n      path: target/prod.duckdb\n      schema: prod\n");
        Recorded();

        AssertMiss("arguments", "--target", "prod");
        Recorded();
        _project.With("profiles.yml",
            "memo:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n      schema: other\n");
        AssertMiss("profiles.yml changed");
    }

    [Test]
    public void A_profiles_file_appearing_where_profiles_are_looked_for_means_a_full_compile()
    {
        Recorded();
        _project.With(".home/.dbt/profiles.yml", "memo:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/home.duckdb\n      schema: home\n");

        AssertMiss("profiles.yml");
        Assert.That(_project.Read("target/compiled/memo/models/uses_macro.sql"), Does.Contain("\"home\""));
    }

    [Test]
    public void A_different_selection_means_a_full_compile()
    {
        Recorded();

        AssertMiss("arguments", "--select", "plain");
    }

    [Test]
    public void A_memo_written_by_another_build_of_forge_is_not_used()
    {
        Recorded();
        var path = Path.Combine(_project.Root, "target", MemoFile.NameFor("compile"));
        var memo = MemoFile.Read(path)!;
        new MemoFile { Key = "another build", Environment = memo.Environment, Scans = memo.Scans, Printed = memo.Printed, ExitCode = memo.ExitCode }.Write(path);

        AssertMiss("forge build");
    }

    [Test]
    public void The_memo_keeps_no_environment_value_or_argument_in_the_clear()
    {
        _project.WithEnvironment("FORGE_MEMO_TEST_REGION", "secret-region-value");
        Recorded("--vars", "{threshold: 987654}");

        var bytes = File.ReadAllText(Path.Combine(_project.Root, "target", MemoFile.NameFor("compile")));

        Assert.That(bytes, Does.Contain("FORGE_MEMO_TEST_REGION").And.Not.Contain("secret-region-value").And.Not.Contain("987654"));
    }

    [Test]
    public void A_deleted_or_edited_output_means_a_full_compile()
    {
        Recorded();
        _project.Without("target/compiled/memo/models/plain.sql");
        AssertMiss("files added or removed");
        Assert.That(_project.Exists("target/compiled/memo/models/plain.sql"));

        Recorded();
        _project.With("target/compiled/memo/models/plain.sql", "select 'edited by hand'");
        AssertMiss("plain.sql changed");
        Assert.That(_project.Read("target/compiled/memo/models/plain.sql"), Is.EqualTo("select 1 as id"));

        Recorded();
        _project.With("target/manifest.json", "{}");
        AssertMiss("manifest.json changed");
    }

    [Test]
    public void A_corrupt_memo_is_ignored_silently()
    {
        Recorded();
        File.WriteAllBytes(Path.Combine(_project.Root, "target", MemoFile.NameFor("compile")), [1, 2, 3, 250, 251]);

        var (result, memo) = Compile();

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Does.StartWith("miss: memo unreadable"));
        Assert.That(result.Error.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("compile ", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void A_file_written_just_before_the_compile_keeps_the_memo_from_being_written()
    {
        _project.DateInputsBack();
        _project.With("models/plain.sql", "select 5 as id");
        // As if written while the compile ran (a real edit a few milliseconds earlier would do too, on an idle machine).
        File.SetLastWriteTimeUtc(Path.Combine(_project.Root, "models/plain.sql"), DateTime.UtcNow.AddSeconds(1));

        var (result, memo) = Compile();

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(memo, Does.Contain("not written: ").And.Contain("plain.sql changed during the compile"));
        Assert.That(Compile().Memo, Does.StartWith("miss: no memo"));
    }

    [Test]
    public void A_template_that_reads_the_clock_or_queries_is_never_replayed()
    {
        _project.With("models/stamped.sql", "select '{{ run_started_at }}' as compiled_at");
        _project.DateInputsBack();

        Assert.That(Compile().Memo, Does.Contain("not written: a template reads run_started_at"));
    }

    [Test]
    public void A_failed_compile_is_not_replayed()
    {
        _project.With("models/broken.sql", "select * from {{ ref('nowhere') }}");
        _project.DateInputsBack();

        var (result, memo) = Compile();

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(memo, Does.Contain("not written: exit code"));
    }

    [Test]
    public void An_incremental_model_is_replayed_until_the_database_changes()
    {
        _project.With("models/events.sql",
            "{{ config(materialized='incremental') }}select 1 as id{% if is_incremental() %} where id > (select max(id) from {{ this }}){% endif %}");
        _project.DateInputsBack();
        var run = _project.Forge("run", "--select", "events");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        File.SetLastWriteTimeUtc(_project.DatabasePath, DateTime.UtcNow.AddMinutes(-1));
        Recorded();
        Assert.That(Compile().Memo, Is.EqualTo("hit"));

        // Dropping the table changes the database file: is_incremental() may answer differently.
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={_project.DatabasePath}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "drop table main.events; checkpoint";
            drop.ExecuteNonQuery();
        }

        AssertMiss("memo.duckdb");
        Assert.That(_project.Read("target/compiled/memo/models/events.sql"), Does.Not.Contain("max(id)"));
    }

    [Test]
    public void Ls_and_parse_replay_their_own_memos_beside_the_compile_one()
    {
        _project.DateInputsBack();
        var list = _project.Forge("ls", "--output", "name");
        Assert.That(list.Error, Does.Contain("ls memo: written"), list.ToString());
        var parsed = _project.Forge("parse");
        Assert.That(parsed.Error, Does.Contain("parse memo: written"), parsed.ToString());
        var manifest = File.GetLastWriteTimeUtc(Path.Combine(_project.Root, "target/manifest.json"));

        var listAgain = _project.Forge("ls", "--output", "name");
        var parsedAgain = _project.Forge("parse");

        Assert.That(listAgain.Error, Does.Contain("ls memo: hit"));
        Assert.That(listAgain.Output, Is.EqualTo(list.Output));
        Assert.That(parsedAgain.Error, Does.Contain("parse memo: hit"));
        Assert.That(parsedAgain.Output, Is.EqualTo(parsed.Output));
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(_project.Root, "target/manifest.json")), Is.EqualTo(manifest));

        _project.With("models/listed_later.sql", "select 1 as n");
        var listChanged = _project.Forge("ls", "--output", "name");
        Assert.That(listChanged.Error, Does.Contain("ls memo: miss: "));
        Assert.That(listChanged.Output, Does.Contain("listed_later"));
        Assert.That(_project.Forge("parse").Error, Does.Contain("parse memo: miss: "));
    }

    [Test]
    public void A_target_path_in_the_project_file_keeps_its_memo_there()
    {
        _project.WithProjectFile("vars:\n  threshold: 10\ntarget-path: \"build/out\"  # artifacts\n");
        Recorded();

        var (again, memo) = Compile();

        Assert.That(memo, Is.EqualTo("hit"), again.ToString());
        Assert.That(_project.Exists("build/out/" + MemoFile.NameFor("compile")));
        Assert.That(Directory.Exists(Path.Combine(_project.Root, "target")), Is.False);
    }

    [Test]
    public void A_templated_target_path_is_compiled_in_full_every_time()
    {
        _project.WithProjectFile("vars:\n  threshold: 10\ntarget-path: \"{{ env_var('FORGE_MEMO_TEST_OUT', 'out') }}\"\n");
        _project.DateInputsBack();

        var (first, memo) = Compile();

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(memo, Does.Contain("not written: the project file's target-path"));
        Assert.That(_project.Read("out/compiled/memo/models/plain.sql"), Is.EqualTo("select 1 as id"));
        Assert.That(Compile().Memo, Does.StartWith("miss: no memo"));
    }
}
