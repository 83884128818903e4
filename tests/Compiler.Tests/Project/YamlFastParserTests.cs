using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>
/// Each construct of the fast YAML reader's subset gives YamlDotNet's very events (values, styles,
/// marks), also with CRLF line breaks; each construct outside it is left to YamlDotNet.
/// </summary>
public sealed class YamlFastParserTests
{
    private static readonly string[] Subset =
    [
        "a: 1\nb: two\n",
        "version: 2\nmodels:\n  - name: orders\n    description: \"One row per order.\"\n    columns:\n      - name: id\n        data_tests:\n          - unique\n          - not_null\n",
        "a:\n- x\n- y\nb: 1\n",
        "- name: a\n  value: 1\n- name: b\n",
        "- - a\n  - b\n- c\n",
        "a:\nb: 1\nc:\n",
        "- \n- x\n-\n",
        "a:\n  b:\n    c: 1\n  d: 2\ne: 3",
        "a: one\n  two\n\n  three\n\n\n  four\nb: 1\n",
        "- first line\n  second line\n",
        "a: 'it''s'\nb: 'one\n  two\n\n  three'\n",
        "a: \"tab\\there \\u00e9 \\x41 \\\\ \\\" \\/ \\N \\_ \\L \\P \\0 \\e \\U0001F600\"\n",
        "a: \"joined \\\n  here\"\nb: \"folded\n  here\"\n",
        "a: |\n  line one\n    indented\n\n  line three\n\n\nb: 1\n",
        "a: |-\n  x\n  y\n\nb: |+\n  x\n\n\nc: >\n  folded\n  text\n\n  para\n    more\n  back\n",
        "a: >-\n  x\n  y\n",
        "- |\n  in a sequence\n- >\n  folded\n",
        "a: | # a comment\n  text\n",
        "a: [1, 'x', \"y\", -2, b c]\nb: {k: v, 'q': [1, 2], n: {m: 3}}\nc: []\nd: {}\n",
        "# leading comment\n\na: 1 # trailing\n# between\nb: 2\n   # indented comment\n",
        "a: 1\nb: 2   ",
        "\"quoted key\": 1\n'single': 2\nkey with spaces: 3\nkey  : 4\nurl: http://x.y/z\nt: a#b\n",
        "a: \"yes\"\nb: yes\nc: null\nd: ~\ne: 'null'\nf:\n",
        "just a scalar\n",
        "- 1\n- 2\n",
        "",
        "# only a comment\n",
        "a: -x\nb: ?y\nd: x:y\n",
        "a: \"{{ var('x') }}\"\n",
        "emoji: \"\uD83D\uDE00 quoted\"\nplain: \uD83D\uDE00 then text\n\uD83D\uDE00: key\nb: |\n  \uD83D\uDE00 block\n",
    ];

    private static readonly string[] Outside =
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "%YAML 1.1\n---\na: 1\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "a:\t1\n",
        "a:\n\tb: 1\n",
        "a: 1\rb: 2\n",
        "? a\n: b\n",
        "a:\n  b: 1\n c: 2\n",
        "a: [1,\n  2]\n",
        "a: [1, 2,]\n",
        "a: |2\n   x\n",
        "a: |\n  \n  x\n",
        "a: 'unterminated\n",
        "a: b: c\n",
        "a: 1\n  b: 2\n",
        "a: x\n  # comment\n  y\n",
        "key: @at\n",
        "a: \"\\ud800\"\n",
        "a: \"bad \\q escape\"\n",
"a: \"lone \uD83D surrogate\"\n",
        "[a]: b\n",
        "e: [x]y\n",
        "a: {{ var('x') }}\n",
        "- [1]\n- ::\n",
        "'single': # note\n  x#y:\n   - ''\n  ",
    ];

    private static IEnumerable<TestCaseData> SubsetCases() => Subset.SelectMany(text => new[]
    {
        new TestCaseData(text).SetArgDisplayNames(Show(text)),
        new TestCaseData(text.Replace("\n", "\r\n")).SetArgDisplayNames(Show(text) + " (CRLF)"),
    });

    private static IEnumerable<TestCaseData> OutsideCases() => Outside.Select(text => new TestCaseData(text).SetArgDisplayNames(Show(text)));

    [TestCaseSource(nameof(SubsetCases))]
    public void A_construct_of_the_subset_reads_to_YamlDotNets_events(string text)
    {
        var fast = YamlEventStream.Fast(text);

        Assert.That(fast, Is.Not.Null, "taken by the fast reader");
        Assert.That(fast, Is.EqualTo(YamlEventStream.Reference(text)));
    }

    [TestCaseSource(nameof(OutsideCases))]
    public void A_construct_outside_the_subset_is_left_to_YamlDotNet(string text)
    {
        Assert.That(YamlFastParser.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Nesting_past_the_fast_limit_is_left_to_YamlDotNet_and_its_preflight()
    {
        var deep = string.Concat(Enumerable.Range(0, YamlFastParser.MaxDepth + 1).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 2 * (YamlFastParser.MaxDepth + 1)) + "v: 1\n";

        Assert.That(YamlFastParser.TryParse(deep, out _), Is.False);
        Assert.That(YamlDocumentLoader.TryLoad(new SourceText("deep.yml", deep), new DiagnosticBag(), out var root), Is.True);
        Assert.That(root, Is.InstanceOf<YamlMappingNode>());
    }

    [Test]
    public void A_duplicate_key_is_reported_where_YamlDotNet_reports_it()
    {
        const string text = "models:\n  - name: a\n    name: b\n";
        Assert.That(YamlFastParser.TryParse(text, out _), Is.True, "the events are fine; the node builder refuses them");

        var bag = new DiagnosticBag();
        Assert.That(YamlDocumentLoader.TryLoad(new SourceText("models/schema.yml", text), bag, out _), Is.False);

        Assert.That(bag.ToList().Single().ToString(), Does.StartWith("models/schema.yml:3:5: error MF1002:"));
    }

    [Test]
    public void A_merge_key_still_merges()
    {
        const string text = "base: &b\n  x: 1\nm:\n  <<: *b\n  y: 2\n";

        Assert.That(YamlDocumentLoader.TryLoad(new SourceText("m.yml", text), new DiagnosticBag(), out var root), Is.True);

        var m = (YamlMappingNode)((YamlMappingNode)root!).Children[new YamlScalarNode("m")];
        Assert.That(m.Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EqualTo(new[] { "x", "y" }));
    }

    private static string Show(string text) =>
        text.Length == 0 ? "(empty)" : text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") is var s && s.Length > 60 ? s[..60] + "…" : text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
