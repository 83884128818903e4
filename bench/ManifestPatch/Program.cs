using System.Diagnostics;
using ModelForge.Bench.ManifestPatch;
using ModelForge.Compiler.Artifacts;

// Usage: ModelForge.Bench.ManifestPatch TARGET_DIR [REPEATS]
//        ModelForge.Bench.ManifestPatch --verify TARGET_DIR EXPECTED_MANIFEST UNIQUE_ID...
//   (patches TARGET_DIR/manifest.json with the named nodes' values, invocation id and time from EXPECTED_MANIFEST, a
//   full compile's after the edit, and compares the bytes)
//        ModelForge.Bench.ManifestPatch --write PROJECT_DIR [PAIRS]
//   (loads and compiles the project in-process, takes the compiled SQL from its target/manifest.json, and writes the
//   manifest to a scratch file without and with the index recorded, alternating, timing CPU of this process)
// Patches the first indexed model of TARGET_DIR/manifest.json REPEATS times (a new raw_code, checksum and compiled
// SQL each time), timing the index read and the patch apart, wall and CPU (this process, all threads).
if (args[0] == "--verify") return Verify(args[1], args[2], args[3..]);
if (args[0] == "--write") return ManifestWrites.Compare(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 6);
var target = args[0];
var repeats = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var process = Process.GetCurrentProcess();
Console.WriteLine($"manifest.json {new FileInfo(Path.Combine(target, "manifest.json")).Length:N0} B, index {new FileInfo(Path.Combine(target, ManifestIndex.FileName)).Length:N0} B");
for (var i = 0; i < repeats; i++)
{
    var (readWall, readCpu, index) = Timed(() => ManifestIndex.TryRead(target));
    if (index is null)
    {
        Console.WriteLine("no usable index: run forge compile (with the index wired) first");
        return 1;
    }
    var node = index.Nodes.First(n => n.UniqueId.StartsWith("model.", StringComparison.Ordinal));
    var code = $"-- edit {i} \"é\" </script>\nselect {i} as id";
    var patch = new NodePatch(node.UniqueId, code, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code))),
        code, $"target/compiled/{node.UniqueId}.sql");
    var (applyWall, applyCpu, applied) = Timed(() => ManifestPatch.TryApply(target, index, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, [patch]));
    Console.WriteLine($"{i}: read index {readWall:F1} ms wall {readCpu:F1} ms cpu; patch {node.UniqueId} {(applied ? "" : "REFUSED ")}{applyWall:F1} ms wall {applyCpu:F1} ms cpu");
}
// What the full write adds when it records the index: the hash of the whole output, and saving the index.
var bytes = File.ReadAllBytes(Path.Combine(target, "manifest.json"));
var last = ManifestIndex.TryRead(target)!;
var scratch = Directory.CreateTempSubdirectory("manifest-index-bench").FullName;
for (var i = 0; i < 3; i++)
{
    var (hashWall, hashCpu, _) = Timed(() => System.IO.Hashing.XxHash3.HashToUInt64(bytes));
    var (saveWall, saveCpu, _) = Timed(() => last.TryWrite(scratch));
    Console.WriteLine($"XxHash3 of the manifest {hashWall:F1} ms wall {hashCpu:F1} ms cpu; index saved {saveWall:F1} ms wall {saveCpu:F1} ms cpu");
}
Directory.Delete(scratch, recursive: true);
return 0;

static int Verify(string target, string expectedPath, string[] ids)
{
    var expected = File.ReadAllBytes(expectedPath);
    using var manifest = System.Text.Json.JsonDocument.Parse(expected);
    var metadata = manifest.RootElement.GetProperty("metadata");
    var nodes = manifest.RootElement.GetProperty("nodes");
    var patches = ids.Select(id => nodes.GetProperty(id)).Zip(ids, (node, id) => new NodePatch(id, node.GetProperty("raw_code").GetString()!,
        node.GetProperty("checksum").GetProperty("checksum").GetString()!, node.GetProperty("compiled_code").GetString(), node.GetProperty("compiled_path").GetString())).ToList();
    var generatedAt = DateTimeOffset.Parse(metadata.GetProperty("generated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
    var index = ManifestIndex.TryRead(target);
    var applied = index is not null && ManifestPatch.TryApply(target, index, metadata.GetProperty("invocation_id").GetString()!, generatedAt, patches);
    var same = applied && File.ReadAllBytes(Path.Combine(target, "manifest.json")).AsSpan().SequenceEqual(expected);
    Console.WriteLine($"index {(index is null ? "missing" : "read")}, patch {(applied ? "applied" : "refused")}, {(same ? "byte-identical to" : "DIFFERENT from")} {expectedPath}");
    return same ? 0 : 1;
}

(double Wall, double Cpu, T Result) Timed<T>(Func<T> work)
{
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var result = work();
    var elapsed = wall.Elapsed.TotalMilliseconds;
    process.Refresh();
    return (elapsed, (process.TotalProcessorTime - cpu).TotalMilliseconds, result);
}
