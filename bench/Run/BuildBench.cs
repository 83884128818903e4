using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace ModelForge.Bench.Run;

/// <summary>
/// `forge-bench-run build DIR forge.dll [--repeats N] [--threads N]`: `forge build` of an existing
/// DuckDB project (e.g. ../shared/bench/gen_project.py 10000 DIR) without its seeds, against the
/// floor: the statements forge ran (its target/run files, in run_results.json's order) sent
/// through DuckDB.NET on one connection, tests read to the end. Seeds load once, untimed, and
/// every repeat starts both from that database.
/// </summary>
internal static class BuildBench
{
    public static int Run(string[] args)
    {
        var root = Path.GetFullPath(args[1]);
        var dll = Path.GetFullPath(args[2]);
        int Option(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var repeats = Option("--repeats", 3);
        var threads = Option("--threads", 1).ToString(CultureInfo.InvariantCulture);
        var database = Path.Combine(root, "bench.duckdb");
        var seeded = Path.Combine(root, "seeded.duckdb");
        Console.WriteLine($"project: {root}\nload: {File.ReadAllText("/proc/loadavg").Trim()}");

        foreach (var file in new[] { database, database + ".wal" }) File.Delete(file);
        Forge(root, dll, "seed");
        File.Copy(database, seeded, overwrite: true);
        var forgeTimes = new List<double>();
        var floorTimes = new List<double>();
        var nodes = 0;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            Restore(seeded, database);
            var (seconds, cpu, peak) = Forge(root, dll, "build", "--exclude-resource-type", "seed", "--threads", threads);
            forgeTimes.Add(seconds);
            var scripts = Scripts(root);
            nodes = scripts.Count;
            Restore(seeded, database);
            floorTimes.Add(Floor(database, scripts));
            Console.WriteLine($"repeat {repeat + 1}: forge build {seconds:F2} s (CPU {cpu:F2} s, peak {peak} MB), floor {floorTimes[^1]:F2} s, {nodes:N0} nodes");
        }
        var forge = Median(forgeTimes);
        var floor = Median(floorTimes);
        Console.WriteLine($"forge build (threads {threads}): median {forge:F2} s; floor: median {floor:F2} s; {forge / floor:F2}x; " +
                          $"overhead per node {(forge - floor) / nodes * 1000:F2} ms over {nodes:N0} nodes");
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Restore(string seeded, string database)
    {
        File.Copy(seeded, database, overwrite: true);
        File.Delete(database + ".wal");
    }

    private static (double Seconds, double Cpu, long PeakMb) Forge(string root, string dll, params string[] arguments)
    {
        // /usr/bin/time reports the child's CPU time and peak memory, which Process cannot after it exits.
        var usage = Path.Combine(root, "target.usage");
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "%U %S %M", "-o", usage, "dotnet", dll }) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        // Failing tests are part of the generated project; only a project that does not load stops the bench.
        if (process.ExitCode > 1) throw new InvalidOperationException($"forge {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
        var fields = File.ReadAllText(usage).Trim().Split(' ');
        File.Delete(usage);
        return (seconds, double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture) / 1024);
    }

    // What forge executed, in the order it ran it (one thread makes that order the execution order).
    private static List<(bool IsTest, string Sql)> Scripts(string root)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "target", "manifest.json")));
        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "target", "run_results.json")));
        var nodes = manifest.RootElement.GetProperty("nodes");
        var scripts = new List<(bool, string)>();
        foreach (var result in results.RootElement.GetProperty("results").EnumerateArray())
        {
            var node = nodes.GetProperty(result.GetProperty("unique_id").GetString()!);
            var type = node.GetProperty("resource_type").GetString();
            var file = Path.Combine(root, "target", "run", node.GetProperty("package_name").GetString()!, node.GetProperty("original_file_path").GetString()!);
            if (type == "test" && file.EndsWith(".yml", StringComparison.Ordinal)) file = Path.Combine(file, node.GetProperty("alias").GetString() + ".sql");
            if (File.Exists(file)) scripts.Add((type == "test", File.ReadAllText(file)));
        }
        return scripts;
    }

    private static double Floor(string database, List<(bool IsTest, string Sql)> scripts)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        foreach (var (isTest, sql) in scripts)
        {
            command.CommandText = sql;
            try
            {
                if (!isTest)
                {
                    command.ExecuteNonQuery();
                    continue;
                }
                using var reader = command.ExecuteReader();
                while (reader.Read()) { }
            }
            catch (DuckDBException)
            {
                // forge's failed nodes fail here too; the time spent failing counts for both.
            }
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ToList()[values.Count / 2];
}
