using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Tests.Project;

public sealed class YamlValuesTests
{
    private static object? Value(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("v: " + yaml));
        var map = (YamlMappingNode)stream.Documents[0].RootNode;
        return YamlValues.ToValue(map.Children[new YamlScalarNode("v")]);
    }

    [TestCase("true", true)]
    [TestCase("True", true)]
    [TestCase("FALSE", false)]
    [TestCase("42", 42L)]
    [TestCase("-7", -7L)]
    [TestCase("0x1F", 31L)]
    [TestCase("0o17", "0o17")]
    [TestCase("1.5", 1.5)]
    [TestCase("1e3", "1e3")]
    [TestCase("1.0e+3", 1000.0)]
    [TestCase("yes", true)]
    [TestCase("y", "y")]
    [TestCase("'true'", "true")]
    [TestCase("\"42\"", "42")]
    [TestCase("2024-01-01", "2024-01-01")]
    [TestCase("hello world", "hello world")]
    public void Scalars_follow_yaml_1_1_as_pyyaml_reads_them(string yaml, object expected)
    {
        Assert.That(Value(yaml), Is.EqualTo(expected));
    }

    [TestCase("null")]
    [TestCase("~")]
    [TestCase("")]
    [TestCase("NULL")]
    public void Null_spellings_are_null(string yaml)
    {
        Assert.That(Value(yaml), Is.Null);
    }

    [Test]
    public void Infinity_and_nan_are_doubles()
    {
        Assert.That(Value(".inf"), Is.EqualTo(double.PositiveInfinity));
        Assert.That(Value("-.Inf"), Is.EqualTo(double.NegativeInfinity));
        Assert.That(Value(".nan"), Is.NaN);
    }

    [Test]
    public void Mappings_keep_insertion_order_and_lists_are_lists()
    {
        var value = Value("{z: 1, a: [x, 2, null], m: {k: true}}");
        var dict = (Dictionary<string, object?>)value!;
        Assert.That(dict.Keys, Is.EqualTo(new[] { "z", "a", "m" }));
        Assert.That(dict["a"], Is.EqualTo(new List<object?> { "x", 2L, null }));
        Assert.That(((Dictionary<string, object?>)dict["m"]!)["k"], Is.EqualTo(true));
    }

    [Test]
    public void Block_scalars_stay_strings()
    {
        Assert.That(Value("|\n  42\n"), Is.EqualTo("42\n"));
    }

    [Test]
    public void Spans_use_one_based_lines_and_columns()
    {
        var source = new SourceText("x.yml", "a: 1\nb:\n  c: hello\n");
        var stream = new YamlStream();
        stream.Load(new StringReader(source.Text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var c = ((YamlMappingNode)root.Children[new YamlScalarNode("b")]).Children[new YamlScalarNode("c")];
        var span = YamlValues.SpanOf(source, c);
        Assert.That(span.ToString(), Is.EqualTo("x.yml:3:6"));
        Assert.That(source.Text.Substring(span.Start, span.Length), Is.EqualTo("hello"));
    }
}
