using ModelForge.Compiler.Templating.Runtime;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class ValueFormatterTests
{
    [TestCase(1.0, "1.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e-05, "1e-05")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(1e16, "1e+16")]
    [TestCase(1e15, "1000000000000000.0")]
    [TestCase(123456789.125, "123456789.125")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(1.5e-300, "1.5e-300")]
    [TestCase(double.PositiveInfinity, "inf")]
    [TestCase(double.NegativeInfinity, "-inf")]
    [TestCase(double.NaN, "nan")]
    [TestCase(0.30000000000000004, "0.30000000000000004")]
    public void Floats_print_like_Python_repr(double value, string expected)
    {
        Assert.That(ValueFormatter.ToStr(value), Is.EqualTo(expected));
    }

    [Test]
    public void Scalars_print_like_Python_str()
    {
        Assert.That(ValueFormatter.ToStr(null), Is.EqualTo("None"));
        Assert.That(ValueFormatter.ToStr(true), Is.EqualTo("True"));
        Assert.That(ValueFormatter.ToStr(42L), Is.EqualTo("42"));
        Assert.That(ValueFormatter.ToStr(1.50m), Is.EqualTo("1.50"));
        Assert.That(ValueFormatter.ToStr("text"), Is.EqualTo("text"));
    }

    [Test]
    public void Containers_print_their_items_with_repr()
    {
        var dict = new OrderedDictionary<string, object?> { ["b"] = new List<object?> { 1L, "x", null }, ["a"] = new object?[] { "t" } };
        Assert.That(ValueFormatter.ToStr(dict), Is.EqualTo("{'b': [1, 'x', None], 'a': ('t',)}"));
        Assert.That(ValueFormatter.ToStr(new object?[] { 1L, 2.0 }), Is.EqualTo("(1, 2.0)"));
        Assert.That(ValueFormatter.ToStr(new Dictionary<string, object?> { ["k"] = true }), Is.EqualTo("{'k': True}"));
    }

    [TestCase("plain", "'plain'")]
    [TestCase("it's", "\"it's\"")]
    [TestCase("both ' and \"", "'both \\' and \"'")]
    [TestCase("a\nb\\", "'a\\nb\\\\'")]
    public void Strings_repr_with_Python_quoting(string value, string expected)
    {
        Assert.That(ValueFormatter.ToRepr(value), Is.EqualTo(expected));
    }

    [Test]
    public void Truthiness_follows_Python()
    {
        object?[] falsy = [null, false, 0L, 0.0, 0m, "", new List<object?>(), new object?[0], new Dictionary<string, object?>(), new Undefined("x", null)];
        object?[] truthy = [true, 1L, -0.5, "0", new List<object?> { null }, new Dictionary<string, object?> { ["a"] = null }, new TemplateFunction("f", _ => null)];
        Assert.That(falsy.Select(Truthiness.IsTrue), Has.All.False);
        Assert.That(truthy.Select(Truthiness.IsTrue), Has.All.True);
    }
}
