using System.Diagnostics;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Bench.ManifestPatch;

/// <summary>The full manifest write without and with its index recorded, in one process: what recording costs.</summary>
internal static class ManifestWrites
{
    public static int Compare(string root, int pairs)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(new ProjectLoadOptions
        {
            ProjectDirectory = root,
            ProfilesDirectory = File.Exists(Path.Combine(root, "profiles.yml")) ? root : null,
            Environment = _ => null,
            HomeDirectory = root,
            Renderer = new YamlTemplateRenderer(new Dictionary<string, object?>(), Environment.GetEnvironmentVariable),
        }, diagnostics);
        var project = loaded is null ? null : ProjectCompiler.Compile(loaded, new CompileOptions(), diagnostics);
        if (project is null)
        {
            Console.WriteLine(string.Join("\n", diagnostics.ToList()));
            return 1;
        }
        var code = new CompiledCode(project.Nodes.Count);
        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "target", "manifest.json"))))
        {
            foreach (var node in manifest.RootElement.GetProperty("nodes").EnumerateObject())
                if (node.Value.TryGetProperty("compiled", out var compiled) && compiled.GetBoolean() && project.Nodes.TryGetValue(node.Name, out var projectNode))
                    code.Add(projectNode, node.Value.GetProperty("compiled_path").GetString()!, node.Value.GetProperty("compiled_code").GetString()!);
        }
        var scratch = Path.Combine(Path.GetTempPath(), $"manifest-write-bench-{Guid.NewGuid():N}.json");
        var without = new List<double>();
        var with = new List<double>();
        for (var pair = -1; pair < pairs; pair++)
        {
            // Pair -1 warms both paths up; the order alternates so neither always runs second.
            foreach (var recorded in pair % 2 == 0 ? new[] { false, true } : [true, false])
            {
                GC.Collect();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var recorder = recorded ? new ManifestIndexRecorder() : null;
                using (var file = new FileStream(scratch, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                    ManifestWriter.Write(file, project, "bench", DateTimeOffset.UnixEpoch, null, code, index: recorder);
                recorder?.Index!.TryWrite(Path.GetTempPath());
                var spent = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                if (pair >= 0) (recorded ? with : without).Add(spent);
                Console.WriteLine($"{(recorded ? "with index   " : "without index")} {wall.Elapsed.TotalMilliseconds,6:F0} ms wall {spent,6:F0} ms cpu");
            }
        }
        File.Delete(scratch);
        File.Delete(Path.Combine(Path.GetTempPath(), ManifestIndex.FileName));
        Console.WriteLine($"median cpu: without {Median(without):F0} ms, with {Median(with):F0} ms");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
