using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

// forge-bench-run <label=forge.dll or a single-file forge>... [--repeats N] [--seed-rows N]
// Times, as new processes: `forge run` of 1,000 table models (one thread), the raw floor (the
// statements forge sent, read back from target/run, through DuckDB.NET on one connection),
// `forge seed` of a 1,000,000-row CSV and `forge --help`. With several builds (before=…,
// after=…) every repeat runs each build in turn, so all of them see the same machine load.
// Prints every repeat and the median, wall and CPU (user + system: the figure that holds on a
// loaded machine), and each repeat's forge/floor ratio. --run-only skips `forge seed` and `--help`.
// `forge-bench-run build DIR forge.dll` measures `forge build` of an existing project instead (BuildBench).
if (args.Length > 0 && args[0] == "build") return ModelForge.Bench.Run.BuildBench.Run(args);
var builds = args.Where(a => a.Contains('=')).Select(a => (Label: a[..a.IndexOf('=')], Dll: Path.GetFullPath(a[(a.IndexOf('=') + 1)..]))).ToList();
int Option(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
var repeats = Option("--repeats", 5);
var seedRows = Option("--seed-rows", 1_000_000);
var runOnly = args.Contains("--run-only");
var root = Path.Combine(Path.GetTempPath(), "forge-bench-run");
WriteProject(root, 1_000, seedRows);
Console.WriteLine($"project: {root}\nload: {File.ReadAllText("/proc/loadavg").Trim()}");

var times = new Dictionary<string, List<double>>();
void Add(string key, double seconds) { if (!times.TryGetValue(key, out var list)) times[key] = list = []; list.Add(seconds); }
foreach (var (label, dll) in builds) Forge(dll, "run", "--threads", "1"); // warm-up: leaves the tables the scripts rename
for (var repeat = 0; repeat < repeats; repeat++)
{
    foreach (var (label, dll) in builds)
    {
        if (!runOnly) Add($"{label}: forge --help", Forge(dll, "--help").Seconds);
        var (run, runCpu) = Forge(dll, "run", "--threads", "1");
        Add($"{label}: forge run (1,000 models, 1 thread)", run);
        Add($"{label}: forge run CPU", runCpu);
        var (floor, floorCpu, floorPhases) = Floor(RunStatements(root));
        Add($"{label}: floor (same statements, DuckDB.NET, one connection)", floor);
        Add($"{label}: floor CPU", floorCpu);
        Add($"{label}: ratio (run / floor of the same repeat)", run / floor);
        Console.WriteLine($"repeat {repeat + 1} {label}: forge run {run:F2} s (CPU {runCpu:F2} s), floor {floor:F2} s (CPU {floorCpu:F2} s; {floorPhases}), {run / floor:F2}x, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        if (!runOnly) Add($"{label}: forge seed ({seedRows:N0} rows)", Forge(dll, "seed").Seconds);
    }
}
foreach (var (key, seconds) in times.OrderBy(t => t.Key, StringComparer.Ordinal)) Report(key, seconds);
Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;

(double Seconds, double Cpu) Forge(string forgeDll, params string[] arguments)
{
    // /usr/bin/time reports the child's CPU time, which Process cannot after it exits.
    var usage = Path.Combine(Path.GetTempPath(), $"forge-bench-run.{Environment.ProcessId}.usage");
    var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
    // A .dll runs under `dotnet`; anything else is an executable (a published single-file forge).
    string[] command = forgeDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", forgeDll] : [forgeDll];
    foreach (var argument in (string[])["-f", "%U %S", "-o", usage, .. command]) start.ArgumentList.Add(argument);
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    if (arguments[0] != "--help") { start.ArgumentList.Add("--project-dir"); start.ArgumentList.Add(root); start.ArgumentList.Add("--profiles-dir"); start.ArgumentList.Add(root); }
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    var seconds = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0) throw new InvalidOperationException($"forge {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
    var fields = File.ReadAllText(usage).Trim().Split(' ');
    File.Delete(usage);
    return (seconds, double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture));
}

(double Seconds, double Cpu, string Phases) Floor(IReadOnlyList<string> scripts)
{
    // Same file name in its own folder: the catalog name (three-part names) stays "bench".
    Directory.CreateDirectory(Path.Combine(root, "target", "floor"));
    var path = Path.Combine(root, "target", "floor", "bench.duckdb");
    // The scripts rename the previous build aside, so they start from the database forge left.
    File.Copy(Path.Combine(root, "target", "bench.duckdb"), path, overwrite: true);
    File.Delete(path + ".wal");
    var clock = Stopwatch.StartNew();
    // This process does nothing else meanwhile, so its CPU time is the floor's (DuckDB's threads included).
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    TimeSpan opened, executed;
    using (var connection = new DuckDBConnection($"Data Source={path}"))
    {
        connection.Open();
        opened = clock.Elapsed;
        using var command = connection.CreateCommand();
        foreach (var script in scripts)
        {
            command.CommandText = script;
            command.ExecuteNonQuery();
        }
        executed = clock.Elapsed;
    }
    var seconds = clock.Elapsed.TotalSeconds;
    // Where the floor's time goes: opening (reading the catalog), the statements, closing (the checkpoint).
    var phases = $"open {opened.TotalSeconds:F2} s, statements {(executed - opened).TotalSeconds:F2} s, close {seconds - executed.TotalSeconds:F2} s";
    return (seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, phases);
}

static List<string> RunStatements(string root)
{
    // Models are named m0000..m0999 and depend only on lower numbers: name order is a valid order.
    var folder = Path.Combine(root, "target", "run", "bench", "models");
    return Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
}

static void Report(string label, List<double> seconds)
{
    var sorted = seconds.Order().ToList();
    var median = sorted[sorted.Count / 2];
    var unit = label.Contains("ratio", StringComparison.Ordinal) ? "x" : " s";
    Console.WriteLine($"{label}: median {median:F2}{unit} (runs: {string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))})");
}

static void WriteProject(string root, int models, int seedRows)
{
    if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    Directory.CreateDirectory(Path.Combine(root, "models"));
    Directory.CreateDirectory(Path.Combine(root, "seeds"));
    File.WriteAllText(Path.Combine(root, "forge_project.yml"), "name: bench\nversion: '1.0.0'\nconfig-version: 2\nprofile: bench\nmodels:\n  bench:\n    +materialized: table\n");
    File.WriteAllText(Path.Combine(root, "profiles.yml"), "bench:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/bench.duckdb\n      schema: main\n      threads: 1\n");
    for (var i = 0; i < models; i++)
    {
        var sql = i < 10
            ? $"select range as id, range * {i} as amount, 'row ' || range as label from range(100)\n"
            : $"select id, amount + {i} as amount, label from {{{{ ref('m{i * 7 / 10:D4}') }}}}\nwhere id % 2 = 0 or id < 50\n";
        File.WriteAllText(Path.Combine(root, "models", $"m{i:D4}.sql"), sql);
    }
    using var seed = new StreamWriter(Path.Combine(root, "seeds", "big_seed.csv"), false, new UTF8Encoding(false));
    seed.Write("id,name,amount,created_on,active\n");
    var day = new DateOnly(2020, 1, 1);
    for (var i = 0; i < seedRows; i++)
    {
        seed.Write(string.Create(CultureInfo.InvariantCulture, $"{i},name {i % 1000},{i % 10007 * 1.25},{day.AddDays(i % 1500):yyyy-MM-dd},{(i % 3 == 0 ? "true" : "false")}\n"));
    }
}
