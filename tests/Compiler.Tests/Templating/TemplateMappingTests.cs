using ModelForge.Compiler.Templating.Runtime;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>Host objects implementing ITemplateMapping behave as dicts, as dbt's Relation does, while keeping their attributes and rendering.</summary>
public sealed class TemplateMappingTests
{
    // Shaped like dbt's Relation: attributes, a string form, and a mapping of its path parts.
    private sealed class FakeRelation : ITemplateMapping
    {
        private readonly (object? Key, object? Value)[] _items =
        [
            ("database", "db"), ("schema", "main"), ("identifier", "orders"), (1L, "one"),
        ];

        public IEnumerable<object?> Keys => _items.Select(item => item.Key);

        public bool TryGetItem(object? key, out object? value)
        {
            foreach (var item in _items)
            {
                if (Equals(item.Key, key))
                {
                    value = item.Value;
                    return true;
                }
            }
            value = null;
            return false;
        }

        public bool TryGetAttribute(string name, out object? value)
        {
            value = name == "name" ? "orders" : null;
            return value is not null;
        }

        public override string ToString() => "\"db\".\"main\".\"orders\"";
    }

    private static readonly Dictionary<string, object?> Globals = new() { ["rel"] = new FakeRelation() };

    [TestCase("{{ rel is mapping }}", "True")]
    [TestCase("{{ rel }}", "\"db\".\"main\".\"orders\"")]
    [TestCase("{{ rel.name }}", "orders")]
    [TestCase("{{ rel['schema'] }} {{ rel[1] }}", "main one")]
    [TestCase("{{ rel.schema }}", "main")]
    [TestCase("{{ rel.get('schema', 'x') }} {{ rel.get('nope', 'x') }} {{ rel.get(1) }}", "main x one")]
    [TestCase("{{ 'schema' in rel }} {{ 'nope' in rel }} {{ 1 in rel }}", "True False True")]
    [TestCase("{% for k in rel %}{{ k }},{% endfor %}", "database,schema,identifier,1,")]
    [TestCase("{% for k, v in rel.items() %}{{ k }}={{ v }} {% endfor %}", "database=db schema=main identifier=orders 1=one ")]
    [TestCase("{{ rel.keys()|list }} {{ rel.values()|list }}", "['database', 'schema', 'identifier', 1] ['db', 'main', 'orders', 'one']")]
    [TestCase("{{ rel|length }}", "4")]
    [TestCase("{{ dict(rel)['identifier'] }}", "orders")]
    [TestCase("{{ rel|dictsort(by='value')|first }}", "('database', 'db')")]
    public void Host_mapping_behaves_as_a_dict(string template, string expected)
    {
        Assert.That(TemplateTestKit.Render(template, Globals), Is.EqualTo(expected));
    }

    [Test]
    public void Host_mapping_with_string_keys_serialises_with_tojson()
    {
        var globals = new Dictionary<string, object?> { ["rel"] = new StringKeyed() };
        Assert.That(TemplateTestKit.Render("{{ rel|tojson }} {{ rel|dictsort }}", globals),
            Is.EqualTo("{\"a\": 1, \"b\": \"x\"} [('a', 1), ('b', 'x')]"));
    }

    private sealed class StringKeyed : ITemplateMapping
    {
        public IEnumerable<object?> Keys => ["b", "a"];

        public bool TryGetItem(object? key, out object? value)
        {
            value = key switch
            {
                "a" => 1L,
                "b" => "x",
                _ => null,
            };
            return key is "a" or "b";
        }

        public bool TryGetAttribute(string name, out object? value)
        {
            value = null;
            return false;
        }
    }
}
