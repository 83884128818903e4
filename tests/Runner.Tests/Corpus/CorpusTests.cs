using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Cli;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Corpus;

/// <summary>
/// Runs forge on every bad-input project under tests/Corpus/ (one test per folder): each must end
/// with its expected exit code and print each expected line exactly, never a stack trace. The
/// folder is copied first so target/ and logs never land in the checkout.
/// </summary>
public sealed class CorpusTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        var root = RepositoryRoot.Resolve("tests/Corpus");
        if (!Directory.Exists(root)) yield break;
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, CorpusCase.FileName))) continue;
            yield return new TestCaseData(Path.GetFileName(folder)).SetName($"Corpus case {Path.GetFileName(folder)}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Forge_gives_the_expected_exit_code_and_message(string name)
    {
        var @case = CorpusCase.Read(RepositoryRoot.Resolve($"tests/Corpus/{name}"));
        var work = Path.Combine(Path.GetTempPath(), "forge-corpus-" + Guid.NewGuid().ToString("N")[..8], name);
        try
        {
            Copy(@case.Folder, work);
            var (exit, all) = Run(@case, work);

            Assert.That(exit, Is.EqualTo(@case.Exit), $"exit code of {name}\n{all}");
            var lines = all.Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToHashSet(StringComparer.Ordinal);
            foreach (var expected in @case.Output)
                Assert.That(lines, Does.Contain(expected.TrimEnd()), $"{name}: expected line missing\n{all}");
            Assert.That(all, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"), "no stack trace");
        }
        finally
        {
            TryDelete(Path.GetDirectoryName(work)!);
        }
    }

    private static (int Exit, string All) Run(CorpusCase @case, string work)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Output = output,
            Error = error,
            WorkingDirectory = work,
            HomeDirectory = Path.Combine(work, ".home"),
            // The case's own variables only; the developer's FORGE_/DBT_ settings stay out.
            GetEnvironmentVariable = name => @case.Environment.TryGetValue(name, out var value) ? value
                : name.StartsWith("FORGE_", StringComparison.Ordinal) || name.StartsWith("DBT_", StringComparison.Ordinal) ? null
                : System.Environment.GetEnvironmentVariable(name),
        };
        var exit = ForgeCli.Run([.. @case.Args, "--project-dir", work], environment);
        return (exit, output.ToString() + error.ToString());
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative == CorpusCase.FileName) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A DuckDB file still open after a failed case; the OS temp cleaner gets it.
        }
    }
}
