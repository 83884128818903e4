using NUnit.Framework;

// Expected outputs were produced once by Python Jinja2 3.1.6 (StrictUndefined, do and loopcontrols
// enabled, as dbt configures it). Tests never call Python.
namespace ModelForge.Compiler.Tests.Templating;


/// <summary>Literals and value output use Python str() formatting.</summary>
public sealed class LiteralTests
{
    [TestCase("{{ 42 }}", ExpectedResult = "42")]
    [TestCase("{{ -0.0 }}", ExpectedResult = "-0.0")]
    [TestCase("{{ 1.0 }}", ExpectedResult = "1.0")]
    [TestCase("{{ 0.1 }}", ExpectedResult = "0.1")]
    [TestCase("{{ 1e-5 }}", ExpectedResult = "1e-05")]
    [TestCase("{{ 1.5e-7 }}", ExpectedResult = "1.5e-07")]
    [TestCase("{{ 1e16 }}", ExpectedResult = "1e+16")]
    [TestCase("{{ 1e15 }}", ExpectedResult = "1000000000000000.0")]
    [TestCase("{{ 123456789012345678.0 }}", ExpectedResult = "1.2345678901234568e+17")]
    [TestCase("{{ 1e100 }}", ExpectedResult = "1e+100")]
    [TestCase("{{ 1.5e300 * 1e10 }}", ExpectedResult = "inf")]
    [TestCase("{{ -1.5e300 * 1e10 }}", ExpectedResult = "-inf")]
    [TestCase("{{ 0.30000000000000004 }}", ExpectedResult = "0.30000000000000004")]
    [TestCase("{{ 1 / 3 }}", ExpectedResult = "0.3333333333333333")]
    [TestCase("{{ 2 / 3 }}", ExpectedResult = "0.6666666666666666")]
    [TestCase("{{ 100.0 }}", ExpectedResult = "100.0")]
    [TestCase("{{ 12345.678 }}", ExpectedResult = "12345.678")]
    [TestCase("{{ 0.0001 }}", ExpectedResult = "0.0001")]
    [TestCase("{{ 0.00001234 }}", ExpectedResult = "1.234e-05")]
    [TestCase("{{ true }}", ExpectedResult = "True")]
    [TestCase("{{ False }}", ExpectedResult = "False")]
    [TestCase("{{ none }}", ExpectedResult = "None")]
    [TestCase("{{ None }}", ExpectedResult = "None")]
    [TestCase("{{ \"text\" }}", ExpectedResult = "text")]
    [TestCase("{{ 'single' }}", ExpectedResult = "single")]
    [TestCase("{{ \"tab\\there\" }}", ExpectedResult = "tab\there")]
    [TestCase("{{ \"new\\nline\" }}", ExpectedResult = "new\nline")]
    [TestCase("{{ 'it\\'s' }}", ExpectedResult = "it's")]
    [TestCase("{{ \"a\" \"b\" }}", ExpectedResult = "ab")]
    [TestCase("{{ \"\\u00e9\" }}", ExpectedResult = "\u00e9")]
    [TestCase("{{ \"\\x41\" }}", ExpectedResult = "A")]
    [TestCase("{{ [] }}", ExpectedResult = "[]")]
    [TestCase("{{ [1, \"a\", none, true, 1.5] }}", ExpectedResult = "[1, 'a', None, True, 1.5]")]
    [TestCase("{{ (1,) }}", ExpectedResult = "(1,)")]
    [TestCase("{{ () }}", ExpectedResult = "()")]
    [TestCase("{{ (1, \"b\") }}", ExpectedResult = "(1, 'b')")]
    [TestCase("{{ {} }}", ExpectedResult = "{}")]
    [TestCase("{{ {\"a\": 1, \"b\": [1, 2]} }}", ExpectedResult = "{'a': 1, 'b': [1, 2]}")]
    [TestCase("{{ {\"b\": 1, \"a\": 2} }}", ExpectedResult = "{'b': 1, 'a': 2}")]
    [TestCase("{{ [\"it's\"] }}", ExpectedResult = "[\"it's\"]")]
    [TestCase("{{ ['say \"hi\"'] }}", ExpectedResult = "['say \"hi\"']")]
    [TestCase("{{ [\"back\\\\slash\"] }}", ExpectedResult = "['back\\\\slash']")]
    [TestCase("{{ [\"line\\nbreak\"] }}", ExpectedResult = "['line\\nbreak']")]
    [TestCase("{{ [[], {}] }}", ExpectedResult = "[[], {}]")]
    [TestCase("{{ 1, 2 }}", ExpectedResult = "(1, 2)")]
    [TestCase("{{ [1, 2,] }}", ExpectedResult = "[1, 2]")]
    [TestCase("{{ {\"a\": 1,} }}", ExpectedResult = "{'a': 1}")]
    public string Literals_render_like_Python_str(string template) => TemplateTestKit.Render(template);
}
