using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>Which naming macros are proven to read only their custom name and target.</summary>
public sealed class ArgumentOnlyAnalyzerTests
{
    private static readonly TemplateEngine Engine = new();

    [TestCase("{{ custom_schema_name or target.schema }}")]
    [TestCase("{% if custom_schema_name is none %}{{ target.schema }}{% else %}{{ custom_schema_name | trim | lower }}{% endif %}")]
    [TestCase("{% set base = target.schema %}{{ return(base ~ '_' ~ custom_schema_name.strip()) }}")]
    [TestCase("{% for part in (custom_schema_name or '').split('.') %}{{ part }}{% if not loop.last %}_{% endif %}{% endfor %}")]
    [TestCase("{{ 'dev' if target.name == 'dev' else custom_schema_name }}")]
    public void Reads_of_the_argument_target_locals_and_pure_filters_are_proven(string body) =>
        Assert.That(Analyze(body), Is.True);

    [TestCase("{{ node.fqn[1] }}", Description = "the node")]
    [TestCase("{{ model.name }}", Description = "the current model")]
    [TestCase("{{ this }}", Description = "the relation")]
    [TestCase("{{ config.get('x') }}", Description = "config")]
    [TestCase("{{ var('prefix') }}", Description = "a var")]
    [TestCase("{{ env_var('SCHEMA') }}", Description = "an env var")]
    [TestCase("{{ modules.datetime.datetime.now() }}", Description = "modules")]
    [TestCase("{{ adapter.quote(custom_schema_name) }}", Description = "adapter")]
    [TestCase("{{ run_query('select 1') }}", Description = "a query")]
    [TestCase("{{ default__generate_schema_name(custom_schema_name, node) }}", Description = "another macro")]
    [TestCase("{{ exceptions.raise_compiler_error('no') }}", Description = "exceptions")]
    [TestCase("{% do log('naming', info=true) %}{{ target.schema }}", Description = "log")]
    [TestCase("{{ custom_schema_name | tojson }}", Description = "a filter outside the list")]
    [TestCase("{% if false %}{% set model = 'x' %}{% endif %}{{ model }}", Description = "a name set only inside a branch")]
    [TestCase("{% set ns = namespace(x=1) %}{{ ns.x }}", Description = "a call to a global")]
    [TestCase("{% import 'x.sql' as x %}{{ x.y }}", Description = "an import")]
    public void Anything_else_is_not_proven(string body) =>
        Assert.That(Analyze(body), Is.False);

    [Test]
    public void A_parameter_default_that_reads_the_context_is_not_proven() =>
        Assert.That(Analyze("{{ custom_schema_name ~ suffix }}", extra: ", suffix=var('s')"), Is.False);

    [Test]
    public void A_parameter_with_a_literal_default_is_proven() =>
        Assert.That(Analyze("{{ custom_schema_name ~ suffix }}", extra: ", suffix='_x'"), Is.True);

    private static bool Analyze(string body, string extra = "")
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText("macros/naming.sql",
            "{% macro generate_schema_name(custom_schema_name, node" + extra + ") %}" + body + "{% endmacro %}"), bag);
        Assert.That(bag.ToList(), Is.Empty, "macro should parse");
        var macro = (TemplateMacro)template.Macros["generate_schema_name"];
        return ArgumentOnlyAnalyzer.DependsOnlyOnArgument(macro.Definition);
    }
}
