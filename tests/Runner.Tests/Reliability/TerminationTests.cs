using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Reliability;

/// <summary>SIGTERM on a real forge process: the same orderly stop as Ctrl-C.</summary>
public sealed class TerminationTests
{
    // Counting 10^11 rows takes DuckDB minutes: long enough to be stopped, never to finish.
    private const string SlowModel = "{{ config(materialized='table') }}\nselect count(*) as n from range({{ var('n', 10) }}) t(x) where x % 7 = 3";

    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("term").WithProjectFile()
        .With("models/fast.sql", "{{ config(materialized='table') }}\nselect 42 as x")
        .With("models/slow.sql", SlowModel)
        .With("models/after.sql", "{{ config(materialized='table') }}\nselect n from {{ ref('slow') }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Sigterm_during_a_four_thread_run_keeps_finished_nodes_rolls_back_the_running_one_and_exits_130()
    {
        // Given a previous build (slow holds n = 1)
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));

        // When forge runs in its own process and gets SIGTERM once fast has finished and slow is running
        var lines = new BlockingCollection<string>();
        using var forge = StartForge("run", "--project-dir", _project.Root, "--threads", "4", "--vars", "{n: 100000000000}");
        forge.OutputDataReceived += (_, e) => { if (e.Data is { } line) lines.Add(line); };
        forge.BeginOutputReadLine();
        var stderr = forge.StandardError.ReadToEndAsync();
        bool fastDone = false, slowStarted = false;
        var seen = new List<string>();
        while (!(fastDone && slowStarted) && lines.TryTake(out var line, TimeSpan.FromMinutes(2)))
        {
            seen.Add(line);
            fastDone |= line.Contains("main.fast", StringComparison.Ordinal) && line.Contains("OK", StringComparison.Ordinal);
            slowStarted |= line.Contains("START sql table model main.slow", StringComparison.Ordinal);
        }
        Assert.That(fastDone && slowStarted, Is.True, string.Join("\n", seen));
        Signal(forge.Id, "TERM");
        Assert.That(forge.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, "forge did not stop after SIGTERM");
        forge.WaitForExit();
        var output = string.Join("\n", seen.Concat(lines));

        // Then: exit 130, one clear summary, finished nodes reported as such, nothing half-built
        Assert.That(forge.ExitCode, Is.EqualTo(130), output + stderr.Result);
        Assert.That(output, Does.Contain("Cancelled:").And.Not.Contain("Completed successfully"));
        Assert.That(Statuses(), Is.EqualTo(new Dictionary<string, string>
        {
            ["model.term.fast"] = "success", ["model.term.slow"] = "skipped", ["model.term.after"] = "skipped",
        }));
        Assert.That(Database.Query(_project.DatabasePath, "select table_name from information_schema.tables where table_name like '%forge%'"), Is.Empty);
        Assert.That(Convert.ToInt64(Database.Scalar(_project.DatabasePath, "select n from main.slow")), Is.EqualTo(1));
        Assert.That(Convert.ToInt64(Database.Scalar(_project.DatabasePath, "select x from main.fast")), Is.EqualTo(42));
    }

    private Dictionary<string, string> Statuses()
    {
        using var document = JsonDocument.Parse(_project.Read("target/run_results.json"));
        return document.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!, r => r.GetProperty("status").GetString()!);
    }

    /// <summary>The forge built next to the tests, with a home and environment of its own.</summary>
    internal static Process StartForge(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "forge.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("FORGE_", StringComparison.Ordinal) || k.StartsWith("DBT_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        var home = Path.Combine(Path.GetTempPath(), "forge-term-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        return Process.Start(start)!;
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.That(kill.ExitCode, Is.EqualTo(0));
    }
}
