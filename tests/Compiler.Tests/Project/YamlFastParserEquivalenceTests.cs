using System.Diagnostics;
using System.Text;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>
/// The fast YAML reader against YamlDotNet's parser over every YAML file at hand: wherever the fast
/// reader takes a document, it must produce the very same events (types, values, styles, marks).
/// Besides the repository's own files it reads the dbt packages mirrored under /work/.mirror and the
/// folders in FORGE_YAML_CORPUS (':'-separated, e.g. a generated bench project) when they exist; their
/// content is read at test time only.
/// </summary>
public sealed class YamlFastParserEquivalenceTests
{
    private const string MirrorRoot = "/work/.mirror";

    [Test]
    public void Every_yaml_file_reads_to_the_same_events_as_with_YamlDotNet()
    {
        var files = RepositoryFiles().Concat(ExtraFolders()).Concat(MirroredFiles()).ToList();
        // Each file once more as a Windows editor would save it.
        files.AddRange(files.Where(f => !f.Text.Contains('\r')).Select(f => (f.Name + " (CRLF)", f.Text.Replace("\n", "\r\n"))).ToList());
        var fast = 0;
        var mismatches = new List<string>();
        foreach (var (name, text) in files)
        {
            var actual = YamlEventStream.Fast(text);
            if (actual is null) continue;
            fast++;
            var expected = YamlEventStream.Reference(text);
            if (expected is null)
            {
                mismatches.Add($"{name}: the fast reader accepted a document YamlDotNet rejects");
                continue;
            }
            var at = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
                .FirstOrDefault(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i], -1);
            if (at >= 0)
                mismatches.Add($"{name}: event {at}\n  YamlDotNet: {(at < expected.Count ? expected[at] : "(end)")}\n  fast:       {(at < actual.Count ? actual[at] : "(end)")}");
        }
        TestContext.Out.WriteLine($"{files.Count} files, {fast} read by the fast reader, {files.Count - fast} left to YamlDotNet");
        Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches.Take(20)));
        Assert.That(fast, Is.GreaterThan(files.Count / 2), "most project YAML takes the fast path");
    }

    [Test]
    public void The_demo_project_and_the_project_template_take_the_fast_path()
    {
        var slow = RepositoryFiles()
            .Where(f => !f.Name.StartsWith("tests/", StringComparison.Ordinal) && !f.Name.StartsWith("tools/", StringComparison.Ordinal) && !f.Name.StartsWith(".", StringComparison.Ordinal))
            .Where(f => YamlEventStream.Fast(f.Text) is null)
            .Select(f => f.Name)
            .ToList();

        Assert.That(slow, Is.Empty);
    }

    private static IEnumerable<(string Name, string Text)> RepositoryFiles() =>
        YamlFiles(RepositoryRoot.Path).Select(f => (RepositoryRoot.Relative(f), File.ReadAllText(f)));

    private static IEnumerable<(string Name, string Text)> ExtraFolders() =>
        (Environment.GetEnvironmentVariable("FORGE_YAML_CORPUS") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(Directory.Exists)
            .SelectMany(YamlFiles)
            .Select(f => (f, File.ReadAllText(f)));

    private static IEnumerable<string> YamlFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/.git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The YAML files at HEAD of each mirrored repository (bare git directories).</summary>
    private static IEnumerable<(string Name, string Text)> MirroredFiles()
    {
        if (!Directory.Exists(MirrorRoot)) yield break;
        foreach (var repo in Directory.EnumerateDirectories(MirrorRoot).Order(StringComparer.Ordinal))
        {
            var gitDir = Path.Combine(repo, "repo");
            if (!Directory.Exists(gitDir)) continue;
            var listing = Git(gitDir, "ls-tree -r HEAD", null);
            if (listing is null) continue;
            var blobs = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t', 2))
                .Where(p => p.Length == 2 && (p[1].EndsWith(".yml", StringComparison.Ordinal) || p[1].EndsWith(".yaml", StringComparison.Ordinal)))
                .Select(p => (Path: p[1], Id: p[0].Split(' ')[2]))
                .ToList();
            foreach (var (path, id) in blobs)
            {
                if (Git(gitDir, "cat-file blob " + id, null) is { } text)
                    yield return ($"{Path.GetFileName(repo)}:{path}", text);
            }
        }
    }

    private static string? Git(string gitDir, string arguments, string? input)
    {
        var start = new ProcessStartInfo("git", $"--git-dir={gitDir} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
