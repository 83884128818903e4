using ModelForge.Compiler.Project;
using ModelForge.Runner.Tests.Docs;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Runner.Tests.Cli;

/// <summary>
/// Runs this area's cases of the bad-input corpus (tests/Corpus/cli-* and yaml11-*) as the corpus
/// harness does: a copy of the case folder, the case's arguments plus --project-dir, the exit code
/// and each expected line. It stands in until the shared harness covers every case.
/// </summary>
public sealed class CliCorpusTests
{
    private static IEnumerable<string> Cases() =>
        Directory.EnumerateDirectories(Path.Combine(DemoSite.RepositoryRoot(), "tests", "Corpus"))
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("cli-", StringComparison.Ordinal) || name.StartsWith("yaml11-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Cases))]
    public void Corpus_case_gives_its_exit_code_and_lines(string name)
    {
        var folder = Path.Combine(DemoSite.RepositoryRoot(), "tests", "Corpus", name);
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(folder, "case.yml"))));
        var spec = (Dictionary<string, object?>)YamlValues.ToValue(stream.Documents[0].RootNode)!;
        using var project = new TempProject(name.Replace('-', '_'));
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "case.yml"))
        {
            project.With(Path.GetRelativePath(folder, file), File.ReadAllText(file));
        }
        var args = ((List<object?>)spec["args"]!).Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)!).ToList();

        var result = project.Forge([.. args, "--project-dir", project.Root]);

        Assert.That(result.ExitCode, Is.EqualTo(Convert.ToInt32(spec["exit"], System.Globalization.CultureInfo.InvariantCulture)), result.ToString());
        var lines = result.All.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var expected in (List<object?>)spec["output"]!) Assert.That(lines, Has.Member((string)expected!), result.ToString());
    }
}
