using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using ModelForge.Bench.Docs;

// Times `forge docs generate` on a generated N-model project and the site's time to interactive
// in headless Chromium, and writes the figures to bench/RESULTS.md.
// Usage: dotnet run -c Release --project bench/Docs -- [models=5000] [runs=3] [existing project folder]
// With a folder (e.g. one made by ../shared/bench/gen_project.py), that project is used as is and
// generated with --empty-catalog; models then only labels the section.
if (args.Length > 0 && args[0] == "fps") return await FramesPerSecond.RunAsync(args[1], args.Skip(2).ToArray());
var models = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var existing = args.Length > 2 ? Path.GetFullPath(args[2]) : null;
var repo = FindRepository();
var forge = Path.Combine(repo, "src", "Runner", "bin", "Release", "net10.0", "forge.dll");
if (!File.Exists(forge)) throw new InvalidOperationException($"build forge first: dotnet build src/Runner -c Release ({forge} is missing)");
var project = existing ?? Path.Combine(Path.GetTempPath(), "forge-bench-docs");
if (existing is null) SyntheticProject.Write(project, models);
string[] generateArguments = existing is null ? ["docs", "generate"] : ["docs", "generate", "--empty-catalog"];

var generate = new List<double>();
var generateCpu = new List<double>();
var peakMemory = new List<double>();
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    var (exit, cpu, rss) = Forge(forge, project, generateArguments);
    peakMemory.Add(rss);
    generate.Add(clock.Elapsed.TotalSeconds);
    generateCpu.Add(cpu);
    if (exit != 0) throw new InvalidOperationException($"forge docs generate exited with {exit}");
}
var docs = Path.Combine(project, "target", "docs");
var dataBytes = new FileInfo(Path.Combine(docs, "forge-data.js")).Length;
var lazyBytes = new[] { "forge-search.js", "forge-lineage.js" }.Sum(f => new FileInfo(Path.Combine(docs, f)).Length);
var shardFiles = Directory.GetFiles(Path.Combine(docs, "nodes"), "*.js");
var shardBytes = shardFiles.Sum(f => new FileInfo(f).Length);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
var ready = new List<double>();
var graph = new List<double>();
var search = new List<double>();
var fps = new List<double>();
var idleFps = new List<double>();
var paintMs = new List<double>();
var groupsShown = 0;
var url = new Uri(Path.Combine(project, "target", "docs", "index.html")).AbsoluteUri;
for (var run = 0; run < runs; run++)
{
    var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
    await page.GotoAsync(url);
    await page.WaitForFunctionAsync("() => window.forgeReady === true");
    ready.Add(await page.EvaluateAsync<double>("() => window.forgeReadyAt") / 1000);
    // The graph of every node: layout packing, first paint, and the frame after it.
    graph.Add(await page.EvaluateAsync<double>("""
        () => new Promise(done => {
          const t0 = performance.now();
          location.hash = '#/graph';
          const wait = () => document.querySelector('#graph-canvas[data-node-count]')
            ? requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)))
            : requestAnimationFrame(wait);
          wait();
        })
        """) / 1000);
    // Frames per second while panning and zooming by script: every animation frame moves and
    // zooms the view (fit → 40x in → back out) and paints it; frames counted over three seconds.
    var frames = await page.EvaluateAsync<JsonElement>("""
        () => new Promise(done => {
          const g = window.forgeGraph, start = performance.now(), base = g.scale, paint = g.paint;
          let frames = 0, painting = 0;
          g.paint = function () { const p0 = performance.now(); paint.call(g); painting += performance.now() - p0; frames++; };
          const step = now => {
            const t = (now - start) / 3000, phase = t < 0.5 ? t * 2 : 2 - t * 2;
            // Both schedule one paint for the next frame, as a wheel or drag does.
            g.zoomAt(base * Math.pow(40, phase) / g.scale, 700, 400);
            g.pan(Math.sin(t * 20) * 6, Math.cos(t * 20) * 4);
            if (now - start < 3000) requestAnimationFrame(step);
            else { g.paint = paint; done({ fps: frames * 1000 / (now - start), paint: painting / Math.max(1, frames), groups: g.grouped ? g.grouped.groups.length : 0 }); }
          };
          requestAnimationFrame(step);
        })
        """);
    // The same loop without painting: what this machine's headless Chromium delivers at all.
    idleFps.Add(await page.EvaluateAsync<double>("""
        () => new Promise(done => {
          const start = performance.now();
          let frames = 0;
          const step = now => { frames++; if (now - start < 2000) requestAnimationFrame(step); else done(frames * 1000 / (now - start)); };
          requestAnimationFrame(step);
        })
        """));
    fps.Add(frames.GetProperty("fps").GetDouble());
    paintMs.Add(frames.GetProperty("paint").GetDouble());
    groupsShown = frames.GetProperty("groups").GetInt32();
    search.Add(await page.EvaluateAsync<double>("async () => { const s = await window.ForgeApp.searchReady(); const t0 = performance.now(); s.query('customer_id amount'); return performance.now() - t0; }") / 1000);
    await page.CloseAsync();
}

var results = Path.Combine(repo, "bench", "RESULTS.md");
var section = $"""
    ## Docs site: {models:N0} models ({DateTime.UtcNow:yyyy-MM-dd})

    Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, Chromium headless (/usr/bin/chromium).
    Project: {(existing is null ? "generated by bench/Docs (staging views over sources, marts joining three earlier models, every model and five columns described); the warehouse is the default DuckDB file, never run, so the catalog step pays its per-schema queries but finds no tables" : $"{existing}, generated with --empty-catalog")}.
    Load average when measured: {LoadAverage()} (other sessions shared the machine; wall times vary with it, CPU time less so).
    Median of {runs} runs.

    | figure | median | min | max |
    |---|---|---|---|
    | `forge docs generate` (process start to exit, compile + manifest + catalog + site) | {Median(generate):0.00} s | {generate.Min():0.00} s | {generate.Max():0.00} s |
    | `forge docs generate`, CPU time of the process (user + system) | {Median(generateCpu):0.00} s | {generateCpu.Min():0.00} s | {generateCpu.Max():0.00} s |
    | page load from file:// to interactive (`window.forgeReady`) | {Median(ready):0.00} s | {ready.Min():0.00} s | {ready.Max():0.00} s |
    | lineage graph of all nodes: route change to painted | {Median(graph):0.00} s | {graph.Min():0.00} s | {graph.Max():0.00} s |
    | `forge docs generate`, peak RSS | {Median(peakMemory):0} MB | {peakMemory.Min():0} MB | {peakMemory.Max():0} MB |
    | graph pan + zoom by script, frames per second ({groupsShown} groups at the first view) | {Median(fps):0} | {fps.Min():0} | {fps.Max():0} |
    | animation frames per second with nothing drawn (the page's ceiling on this machine) | {Median(idleFps):0} | {idleFps.Min():0} | {idleFps.Max():0} |
    | graph paint time per frame during the pan + zoom | {Median(paintMs):0.0} ms | {paintMs.Min():0.0} ms | {paintMs.Max():0.0} ms |
    | search query (two words, whole index, after its first load) | {Median(search) * 1000:0.0} ms | {search.Min() * 1000:0.0} ms | {search.Max() * 1000:0.0} ms |

    Site data: forge-data.js (loaded up front) {dataBytes / 1024.0 / 1024.0:0.0} MB; loaded on first use: search index + column lineage {lazyBytes / 1024.0 / 1024.0:0.0} MB, {shardFiles.Length} node shards {shardBytes / 1024.0 / 1024.0:0.0} MB in all.

    """;
var previous = File.Exists(results) ? File.ReadAllText(results) : "# Benchmark results\n\n";
File.WriteAllText(results, previous.TrimEnd() + "\n\n" + section);
Console.WriteLine(section);
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static (int Exit, double CpuSeconds, double PeakMegabytes) Forge(string forge, string project, params string[] arguments)
{
    // GNU time reports the child's CPU and peak RSS, which .NET cannot read once it has exited.
    var command = "/usr/bin/time -f '%U %S %M' dotnet " + string.Join(' ', new[] { forge }.Concat(arguments).Select(a => "'" + a + "'")) + " >/dev/null";
    var start = new ProcessStartInfo("bash") { WorkingDirectory = project, RedirectStandardError = true };
    start.ArgumentList.Add("-c");
    start.ArgumentList.Add(command);
    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    var last = error.TrimEnd().Split('\n')[^1].Split(' ');
    var cpu = last.Length == 3 && double.TryParse(last[0], CultureInfo.InvariantCulture, out var user) && double.TryParse(last[1], CultureInfo.InvariantCulture, out var system) ? user + system : double.NaN;
    var rss = last.Length == 3 && double.TryParse(last[2], CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes / 1024 : double.NaN;
    if (process.ExitCode != 0) Console.Error.WriteLine(error);
    return (process.ExitCode, cpu, rss);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ModelForge.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("run from inside the repository");
}
