using System.Text;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>The Jinja conformance cases under tests/Golden/templating (see its README.md).</summary>
internal static class ConformanceCorpus
{
    public const string RelativeDirectory = "tests/Golden/templating";

    public static string FullDirectory => RepositoryRoot.Resolve(RelativeDirectory);

    /// <summary>Every <c>*.jinja</c> file, relative to the corpus folder with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> CasePaths()
    {
        var root = FullDirectory;
        return Directory.EnumerateFiles(root, "*.jinja", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static ConformanceCase Load(string casePath) =>
        ConformanceCase.Parse(casePath, File.ReadAllText(Path.Combine(FullDirectory, casePath), Encoding.UTF8));

    /// <summary>The verified file of a case, relative to the repository root (for <see cref="GoldenFile.Verify"/>).</summary>
    public static string VerifiedPathOf(ConformanceCase testCase) =>
        $"{RelativeDirectory}/{testCase.VerifiedRelativePath}";
}
