using ModelForge.Compiler.Templating.Runtime;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>Values the compiler puts into the context: host objects, host dictionaries, decimals, functions.</summary>
public sealed class HostValueTests
{
    private sealed class Relation(string schema, string name) : ITemplateObject
    {
        public bool TryGetAttribute(string attribute, out object? value)
        {
            value = attribute switch
            {
                "schema" => schema,
                "identifier" => name,
                "render" => new TemplateFunction("render", _ => ToString()),
                _ => null,
            };
            return value is not null;
        }

        public override string ToString() => $"\"{schema}\".\"{name}\"";
    }

    private static readonly Dictionary<string, object?> Globals = new()
    {
        ["this"] = new Relation("main", "orders"),
        ["target"] = new Dictionary<string, object?> { ["name"] = "dev", ["threads"] = 4L },
        ["vars"] = (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["days"] = 3L },
        ["amount"] = 12.50m,
        ["ref"] = new TemplateFunction("ref", args => new Relation("main", (string)args.Get(0, "name")!)),
    };

    [TestCase("{{ this }}", "\"main\".\"orders\"")]
    [TestCase("{{ this.schema }}.{{ this['identifier'] }}", "main.orders")]
    [TestCase("{{ this.render() }}", "\"main\".\"orders\"")]
    [TestCase("{{ this.missing is defined }}", "False")]
    [TestCase("{{ ref('customers').identifier }}", "customers")]
    [TestCase("{{ ref(name='x') }}", "\"main\".\"x\"")]
    [TestCase("{{ target.name }}-{{ target['threads'] + 1 }}", "dev-5")]
    [TestCase("{{ target.get('name') }}{{ target|length }}", "dev2")]
    [TestCase("{% for k, v in target.items() %}{{ k }}={{ v }} {% endfor %}", "name=dev threads=4 ")]
    [TestCase("{{ vars.days * 2 }} {{ vars.get('x', 'd') }} {{ 'days' in vars }}", "6 d True")]
    [TestCase("{{ amount * 2 }} {{ amount + 0.5 }} {{ amount > 12 }} {{ amount|round(1) }}", "25.00 13.0 True 12.5")]
    [TestCase("{{ ref is callable }} {{ this is mapping }}", "True False")]
    public void Host_values_behave_like_Python_values(string template, string expected)
    {
        Assert.That(TemplateTestKit.Render(template, Globals), Is.EqualTo(expected));
    }

    [Test]
    public void Missing_host_attribute_names_the_owner_type()
    {
        var error = TemplateTestKit.RenderError("{{ this.nope.x }}", Globals);
        Assert.That(error.Message, Is.EqualTo("'Relation object' has no attribute 'nope'"));
    }

    [Test]
    public void Call_arguments_carry_the_call_span()
    {
        Dictionary<string, object?> globals = new()
        {
            ["where"] = new TemplateFunction("where", args => $"{args.CallSpan.Line}:{args.CallSpan.Column}"),
        };
        Assert.That(TemplateTestKit.Render("a\n  {{ where() }}", globals), Is.EqualTo("a\n  2:6"));
    }

    [Test]
    public void Context_globals_shadow_builtin_globals()
    {
        var globals = new Dictionary<string, object?> { ["range"] = "mine" };
        Assert.That(TemplateTestKit.Render("{{ range }}", globals), Is.EqualTo("mine"));
    }

    [Test]
    public void Host_function_can_reject_an_undefined_argument_with_the_standard_error()
    {
        var globals = new Dictionary<string, object?>
        {
            ["ref"] = new TemplateFunction("ref", args => TemplateValues.RequireDefined(args.Get(0, "name"), args.CallSpan)),
        };
        var error = TemplateTestKit.RenderError("{{ ref(modle_name) }}", globals);
        Assert.That(error.Message, Is.EqualTo("'modle_name' is undefined"));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo("1:8"));
        Assert.That(TemplateValues.TypeName(new List<object?>()), Is.EqualTo("list"));
    }

    [TestCase("{{ big }}|{{ big + 1 }}|{{ big > 1 }}|{{ big == big2 }}|{{ big|int }}|{{ big is number }}")]
    public void Integers_wider_than_64_bits_from_the_database_stay_exact(string template)
    {
        var globals = new Dictionary<string, object?>
        {
            ["big"] = (Int128)long.MaxValue * 4,
            ["big2"] = (System.Numerics.BigInteger)long.MaxValue * 4,
        };
        Assert.That(TemplateTestKit.Render(template, globals),
            Is.EqualTo("36893488147419103228|36893488147419103229|True|True|36893488147419103228|True"));
    }
}
