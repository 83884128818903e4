using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// Renders every case of tests/Golden/templating and compares with the output Jinja2 produced
/// (err-* cases: with the printed diagnostic). Test names are the case paths.
/// </summary>
[TestFixture]
public sealed class TemplateConformanceTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        ConformanceCorpus.CasePaths().Select(path => new TestCaseData(path).SetName(path));

    [TestCaseSource(nameof(Cases))]
    public void Renders_like_Jinja2(string casePath)
    {
        var testCase = ConformanceCorpus.Load(casePath);
        var result = ConformanceHarness.ForEngine().Run(testCase);
        if (result.Failure is not null) Assert.Fail($"{casePath}: {result.Failure}");
        // Output cases are Jinja2's word (tools/conformance/generate.py); only err-* cases hold
        // our own diagnostics, so only they may be accepted with FORGE_UPDATE_GOLDEN=1.
        GoldenFile.Verify(ConformanceCorpus.VerifiedPathOf(testCase), result.Actual!, allowUpdate: testCase.IsErrorCase);
    }

    [Test]
    public void Every_case_file_has_a_json_object_context_and_a_template()
    {
        var broken = new List<string>();
        foreach (var path in ConformanceCorpus.CasePaths())
        {
            try
            {
                JsonValues.ToGlobals(ConformanceCorpus.Load(path).ContextJson);
            }
            catch (Exception error) when (error is InvalidDataException or System.Text.Json.JsonException)
            {
                broken.Add($"{path}: {error.Message}");
            }
        }
        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Corpus_covers_at_least_220_cases_in_20_topics()
    {
        var paths = ConformanceCorpus.CasePaths();
        var topics = paths.Select(path => path[..path.IndexOf('/')]).Distinct().Count();
        Assert.Multiple(() =>
        {
            Assert.That(paths.Count(path => !IsErrorCase(path)), Is.GreaterThanOrEqualTo(220));
            Assert.That(topics, Is.GreaterThanOrEqualTo(20));
        });
    }

    [Test]
    public void Every_output_case_has_a_verified_file_from_Jinja2()
    {
        var missing = ConformanceCorpus.CasePaths()
            .Where(path => !IsErrorCase(path))
            .Where(path => !File.Exists(Path.Combine(ConformanceCorpus.FullDirectory, ConformanceCase.VerifiedPathOf(path))))
            .ToList();
        Assert.That(missing, Is.Empty, "run tools/conformance/generate.py");
    }

    private static bool IsErrorCase(string path) => path[(path.LastIndexOf('/') + 1)..].StartsWith("err-", StringComparison.Ordinal);
}
