using System.Diagnostics;
using System.Globalization;
using ModelForge.Bench.Compile;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

// forge-bench-compile [models] [forge.dll]
// Measures parse + render + graph + write of compiled SQL, in process and as a cold `forge compile`;
// then the same project with a 150-macro package installed, beside the same project without it.
var models = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var forgeDll = args.Length > 1 ? args[1] : null;
var root = SyntheticProject.Write(Path.Combine(Path.GetTempPath(), $"forge-bench-{models}"), models);
Console.WriteLine($"project: {models} models in {root}");
var withPackage = SyntheticProject.Write(Path.Combine(Path.GetTempPath(), $"forge-bench-{models}-package"), models);
SyntheticPackage.Install(withPackage);

for (var run = 1; run <= 3; run++)
{
    if (Measure("", root, run) is { } failed) return failed;
}
// Interleaved so that both variants see the same machine load.
for (var run = 1; run <= 3; run++)
{
    if (Measure("reference (no package) ", root, run) is { } failed) return failed;
    if (Measure($"with package ({SyntheticPackage.MacroFiles * 3} macros) ", withPackage, run) is { } failedToo) return failedToo;
}

int? Measure(string label, string root, int run)
{
    var clock = Stopwatch.StartNew();
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var diagnostics = new DiagnosticBag();
    var loaded = ProjectLoader.Load(new ProjectLoadOptions { ProjectDirectory = root, HomeDirectory = root }, diagnostics)!;
    var loadTime = clock.Elapsed;
    var cpuLoad = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
    var compiled = ProjectCompiler.Compile(loaded, new CompileOptions(), diagnostics);
    if (compiled is null)
    {
        DiagnosticPrinter.Print(Console.Out, diagnostics.ToList().Take(5));
        return 1;
    }
    if (diagnostics.Count > 0) DiagnosticPrinter.Print(Console.Out, diagnostics.ToList().Take(5));
    var graphTime = clock.Elapsed;
    var cpuGraph = Process.GetCurrentProcess().TotalProcessorTime - cpu0 - cpuLoad;
    var nodes = compiled.OfType(ResourceType.Model).ToList();
    _ = compiled.GraphNodes;
    var graphNodesTime = clock.Elapsed;
    var compiler = new ThreadLocal<NodeCompiler>(() => new NodeCompiler(compiled));
    var texts = new string[nodes.Count];
    Parallel.For(0, nodes.Count, i => texts[i] = compiler.Value!.Render(nodes[i]).Text);
    var renderTime = clock.Elapsed;
    var cpuRender = Process.GetCurrentProcess().TotalProcessorTime - cpu0 - cpuLoad - cpuGraph;
    Parallel.For(0, nodes.Count, i =>
    {
        var path = Path.Combine(root, NodeCompiler.CompiledPath(compiled, nodes[i]));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, texts[i]);
    });
    Console.WriteLine($"{label}in-process run {run}: load {Ms(loadTime)}, parse+render+graph {Ms(graphTime - loadTime)}, graph.nodes {Ms(graphNodesTime - graphTime)}, render {Ms(renderTime - graphNodesTime)}, write {Ms(clock.Elapsed - renderTime)}, total {Ms(clock.Elapsed)}");
    Console.WriteLine($"    cpu: load {Ms(cpuLoad)}, parse+render+graph {Ms(cpuGraph)}, render {Ms(cpuRender)}, total {Ms(Process.GetCurrentProcess().TotalProcessorTime - cpu0)}");
    return null;
}

// One typical model rendered many times: templates per second after parse.
{
    var diagnostics = new DiagnosticBag();
    var loaded = ProjectLoader.Load(new ProjectLoadOptions { ProjectDirectory = root, HomeDirectory = root }, diagnostics)!;
    var compiled = ProjectCompiler.Compile(loaded, new CompileOptions(), diagnostics)!;
    var node = compiled.OfType(ResourceType.Model).Last();
    var compiler = new NodeCompiler(compiled);
    for (var i = 0; i < 2_000; i++) compiler.Render(node);
    const int renders = 50_000;
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < renders; i++) compiler.Render(node);
    Console.WriteLine($"render of one mart model (3 refs, a loop, an if, vars): {renders / clock.Elapsed.TotalSeconds:N0} renders/s on one thread ({clock.Elapsed.TotalMicroseconds / renders:N1} µs each)");
}

if (forgeDll is not null)
{
    for (var run = 1; run <= 3; run++)
    {
        foreach (var (label, dir) in new[] { ("", root), (" with package", withPackage) })
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{forgeDll}\" compile --project-dir \"{dir}\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Console.WriteLine($"cold `forge compile`{label} (new process) run {run}: {Ms(clock.Elapsed)} (exit {process.ExitCode})");
        }
    }
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{forgeDll}\" --help") { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.WriteLine($"`forge --help`: {Ms(clock.Elapsed)}");
    }
}
return 0;

static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:N0} ms";
