using ModelForge.Runner.Cli;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Runner.Tests.Reliability;

/// <summary>
/// The bad-input corpus cases this area added (tests/Corpus/profile-*, clean-targets-*), run until
/// the shared corpus harness covers them: each case runs on a copy, so `clean` can delete nothing real.
/// </summary>
public sealed class ReliabilityCorpusTests
{
    private static readonly string CorpusRoot = FindCorpus();

    public static IEnumerable<string> Cases() =>
        Directory.GetDirectories(FindCorpus()).Select(Path.GetFileName).Where(n => n!.StartsWith("profile-", StringComparison.Ordinal) || n.StartsWith("clean-targets-", StringComparison.Ordinal)).Order()!;

    [TestCaseSource(nameof(Cases))]
    public void Corpus_case_gives_its_exit_code_and_messages(string name)
    {
        var copy = Path.Combine(Path.GetTempPath(), "forge-corpus-" + Guid.NewGuid().ToString("N"), name);
        Copy(Path.Combine(CorpusRoot, name), copy);
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(Path.Combine(copy, "case.yml"))));
            var map = (YamlMappingNode)yaml.Documents[0].RootNode;
            var args = ((YamlSequenceNode)map["args"]).Select(n => ((YamlScalarNode)n).Value!).Concat(["--project-dir", copy]).ToArray();
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = ForgeCli.Run(args, new CliEnvironment
            {
                Output = output, Error = error, WorkingDirectory = copy, HomeDirectory = Path.Combine(copy, ".home"),
                GetEnvironmentVariable = v => v.StartsWith("FORGE_", StringComparison.Ordinal) || v.StartsWith("DBT_", StringComparison.Ordinal) ? null : Environment.GetEnvironmentVariable(v),
            });
            var all = (output + "\n" + error).Split('\n').Select(l => l.TrimEnd('\r')).ToHashSet();
            Assert.That(exit, Is.EqualTo(int.Parse(((YamlScalarNode)map["exit"]).Value!)), output + "\n" + error);
            foreach (var line in ((YamlSequenceNode)map["output"]).Select(n => ((YamlScalarNode)n).Value!))
                Assert.That(all, Does.Contain(line), output + "\n" + error);
            Assert.That(Directory.Exists(Path.Combine(copy, "models")), Is.True, "the case's sources survive");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "Corpus"))) return Path.Combine(dir.FullName, "tests", "Corpus");
        throw new DirectoryNotFoundException("tests/Corpus not found above " + AppContext.BaseDirectory);
    }
}
