using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class CliVarsParserTests
{
    [Test]
    public void Yaml_flow_mapping_is_parsed_with_types()
    {
        var bag = new DiagnosticBag();
        var vars = CliVarsParser.Parse("{start_date: 2024-01-01, days: 3, full: true}", bag);
        Assert.That(bag.Count, Is.Zero);
        Assert.That(vars!["start_date"], Is.EqualTo("2024-01-01"));
        Assert.That(vars["days"], Is.EqualTo(3L));
        Assert.That(vars["full"], Is.EqualTo(true));
    }

    [Test]
    public void Json_is_accepted()
    {
        var bag = new DiagnosticBag();
        var vars = CliVarsParser.Parse("{\"k\": [1, \"two\"]}", bag);
        Assert.That(vars!["k"], Is.EqualTo(new List<object?> { 1L, "two" }));
    }

    [Test]
    public void Empty_argument_gives_no_vars()
    {
        Assert.That(CliVarsParser.Parse("  ", new DiagnosticBag()), Is.Empty);
    }

    [Test]
    public void Malformed_vars_point_at_the_column_in_the_argument()
    {
        var bag = new DiagnosticBag();
        var vars = CliVarsParser.Parse("{a: 1, b: [2, 3}", bag);
        Assert.That(vars, Is.Null);
        var d = bag.ToList().Single();
        Assert.That(d.Code, Is.EqualTo("MF1020"));
        Assert.That(d.Span!.Value.Path, Is.EqualTo("--vars"));
        Assert.That(d.Span!.Value.Line, Is.EqualTo(1));
        Assert.That(d.Span!.Value.Column, Is.EqualTo(16));
        Assert.That(d.Message, Does.Not.Contain("Line:"));
        Assert.That(d.Hint, Does.Contain("--vars '{"));
    }

    [Test]
    public void Vars_that_are_not_a_mapping_are_an_error()
    {
        var bag = new DiagnosticBag();
        Assert.That(CliVarsParser.Parse("[1, 2]", bag), Is.Null);
        Assert.That(bag.ToList().Single().ToString(), Is.EqualTo("--vars:1:1: error MF1020: invalid --vars: expected a mapping of names to values, not a list"));
    }
}
