using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>
/// Seeded random mutations of realistic YAML through every YAML front end (schema, project file,
/// --vars): each either loads or reports errors with a position; nothing throws. The seed is fixed,
/// so a failure reproduces; the mutation count bounds the time (about a second).
/// </summary>
public sealed class YamlMutationTests
{
    private const int Seed = 16_2026;
    private const int Mutations = 3_000;

    private const string SchemaSeed = """
        version: 2
        defaults: &d {materialized: table, tags: [a, "b c"]}
        models:
          - name: orders
            description: 'One row per order: {{ doc("orders") }}'
            config: {<<: *d, alias: orders_v2}
            columns:
              - name: id
                data_tests: [unique, not_null]
              - name: status
                data_tests:
                  - accepted_values: {values: [placed, shipped], quote: true}
        sources:
          - name: raw
            schema: "{{ var('raw_schema', 'raw') }}"
            freshness: {warn_after: {count: 12, period: hour}}
            tables: [{name: orders, identifier: raw_orders}]
        """;

    private static readonly string[] Fragments =
        [":", "[", "]", "{", "}", "-", "&a", "*a", "<<: *a", "!!str", "|", ">", "'", "\"", "#", "\t", "\n", "  ", "? ", ",", "%YAML 1.2\n", "---\n", "...\n", "\\u", "\u00e9", "\ud800", "\0", "{{", "}}"];

    [Test]
    public void Mutated_yaml_never_throws_and_every_error_has_a_position()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Mutations; i++)
        {
            var text = Mutate(SchemaSeed, random);
            var bag = new DiagnosticBag();
            try
            {
                SchemaFile.Parse(new SourceText("models/schema.yml", text), bag);
                ProjectFileParser.Parse(new SourceText("forge_project.yml", "name: p\n" + text), bag, renderer: null);
                CliVarsParser.Parse(text, bag);
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} threw {e.GetType().Name}: {e.Message}\n--- input ---\n{text}");
            }
            foreach (var error in bag.ToList().Where(d => d.IsError))
                Assert.That(error.Span, Is.Not.Null, $"mutation {i}: {error}\n--- input ---\n{text}");
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new System.Text.StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && chars.Length > 0; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0: chars.Remove(at, Math.Min(random.Next(1, 8), chars.Length - at)); break;
                case 1: chars.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                case 2: chars[at] = (char)random.Next(32, 127); break;
                default:
                    // Duplicate a slice: repeated keys, anchors and deeper nesting.
                    var length = Math.Min(random.Next(1, 40), chars.Length - at);
                    chars.Insert(random.Next(chars.Length), chars.ToString(at, length));
                    break;
            }
        }
        return chars.ToString();
    }
}
