using ModelForge.Compiler.Templating.Parsing;
using ModelForge.Compiler.Templating.Syntax;
using ModelForge.Compiler.Diagnostics;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class ParserTests
{
    private static ParsedTemplate ParseOk(string text)
    {
        var bag = new DiagnosticBag();
        var parsed = Parser.Parse(new SourceText("t.sql", text), bag);
        Assert.That(bag.ToList(), Is.Empty);
        return parsed;
    }

    [Test]
    public void Every_node_has_a_span_into_the_source()
    {
        var parsed = ParseOk("x {% if a %}{{ b.c|upper }}{% endif %}");
        var ifStatement = (IfStatement)parsed.Body[1];
        Assert.That((ifStatement.Span.Start, ifStatement.Span.Length), Is.EqualTo((2, 36)));
        var output = (OutputStatement)ifStatement.Branches[0].Body[0];
        var filter = (FilterExpression)output.Value;
        Assert.That(filter.Span.Source.Text.Substring(filter.Span.Start, filter.Span.Length), Is.EqualTo("b.c|upper"));
        Assert.That(filter.Value, Is.TypeOf<AttributeExpression>());
    }

    [Test]
    public void Precedence_follows_Jinja()
    {
        var parsed = ParseOk("{{ a or b and not c == d + e * f ** g }}");
        var or = (BinaryExpression)((OutputStatement)parsed.Body[0]).Value;
        Assert.That(or.Operator, Is.EqualTo(BinaryOperator.Or));
        var and = (BinaryExpression)or.Right;
        Assert.That(and.Operator, Is.EqualTo(BinaryOperator.And));
        var not = (UnaryExpression)and.Right;
        var compare = (CompareExpression)not.Operand;
        var add = (BinaryExpression)compare.Rest[0].Right;
        Assert.That(add.Operator, Is.EqualTo(BinaryOperator.Add));
        Assert.That(((BinaryExpression)add.Right).Operator, Is.EqualTo(BinaryOperator.Multiply));
    }

    [Test]
    public void Top_level_macros_and_dbt_blocks_are_collected()
    {
        var parsed = ParseOk("{% macro a() %}{% endmacro %}{% test b(model) %}{% endtest %}{% snapshot s %}x{% endsnapshot %}{% docs d %}y{% enddocs %}");
        Assert.That(parsed.Macros.Select(m => m.Name), Is.EqualTo(new[] { "a", "test_b" }));
        Assert.That(parsed.Blocks.Select(b => $"{b.Kind}:{b.Name}"), Is.EqualTo(new[] { "snapshot:s", "docs:d" }));
    }

    [Test]
    public void Macro_notes_whether_it_reads_varargs_kwargs_and_caller()
    {
        var parsed = ParseOk("{% macro m(a) %}{{ kwargs }}{% if x %}{{ caller() }}{% endif %}{% endmacro %}");
        var macro = parsed.Macros[0];
        Assert.That((macro.UsesKwargs, macro.UsesCaller, macro.UsesVarargs), Is.EqualTo((true, true, false)));
    }

    [TestCase("{% for x in [1] %}\n  body", "MF2001", "1:1", "unexpected end of template: the 'for' block is never closed", "'endfor' or 'else'")]
    [TestCase("{% if a %}\n{% endfor %}", "MF2002", "2:4", "unexpected 'endfor', expected 'endif'", "The innermost block that needs to be closed is 'if'")]
    [TestCase("text\n{% endif %}", "MF2002", "2:4", "unexpected 'endif'", "no open block")]
    [TestCase("{% fro x in y %}", "MF2003", "1:4", "unknown tag 'fro'", "did you mean 'for'?")]
    [TestCase("{{ name | uper }}", "MF2004", "1:11", "unknown filter 'uper'", "did you mean 'upper'?")]
    [TestCase("{% if x is defind %}{% endif %}", "MF2005", "1:12", "unknown test 'defind'", "did you mean 'defined'?")]
    [TestCase("{{ 1 + }}", "MF2006", "1:8", "unexpected end of print statement '}}', expected an expression", "")]
    [TestCase("{{ a b }}", "MF2006", "1:6", "unexpected 'b', expected '}}'", "")]
    [TestCase("{% set 1 = 2 %}", "MF2011", "1:8", "cannot assign to '1'", "")]
    [TestCase("{% break %}", "MF2012", "1:1", "'break' outside of a loop", "")]
    [TestCase("{% for x y %}{% endfor %}", "MF2006", "1:10", "unexpected 'y', expected 'in'", "")]
    [TestCase("{% macro m( %}{% endmacro %}", "MF2006", "1:13", "unexpected end of statement block '%}', expected a parameter name", "")]
    [TestCase("{{ f(1,, 2) }}", "MF2006", "1:8", "unexpected ',', expected an expression", "")]
    public void Syntax_errors_are_reported_at_the_construct(string text, string code, string position, string message, string hint)
    {
        var errors = TemplateTestKit.ParseErrors(text);
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
        var error = errors[0];
        Assert.That(error.Code, Is.EqualTo(code));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo(position));
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(error.Hint, Does.Contain(hint));
        Assert.That(error.Span!.Value.Path, Is.EqualTo("models/test.sql"));
    }

    [Test]
    public void Parsing_goes_on_after_an_error_and_reports_the_next_one()
    {
        var errors = TemplateTestKit.ParseErrors("{{ a | nope }}\n{% for x in %}{{ x }}{% endfor %}\n{% unknown %}\n{{ b }}");
        Assert.That(errors.Select(e => $"{e.Code}@{TemplateTestKit.Position(e)}"), Is.EqualTo(new[] { "MF2004@1:8", "MF2006@2:13", "MF2003@3:4" }));
    }

    [Test]
    public void A_broken_block_header_does_not_also_report_its_end_tag()
    {
        var errors = TemplateTestKit.ParseErrors("{% if %}x{% endif %}");
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Code, Is.EqualTo("MF2006"));
    }

    [Test]
    public void Materialization_is_named_after_its_adapter()
    {
        var parsed = ParseOk("{% materialization table, adapter='duckdb', supported_languages=['sql'] %}x{% endmaterialization %}{% materialization view %}{% endmaterialization %}");
        Assert.That(parsed.Macros.Select(m => m.Name), Is.EqualTo(new[] { "materialization_table_duckdb", "materialization_view_default" }));
    }
}
