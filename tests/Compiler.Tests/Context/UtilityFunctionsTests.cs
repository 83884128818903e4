using NUnit.Framework;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class UtilityFunctionsTests
{
    private static readonly ContextHarness Harness = new();

    [Test]
    public void Zip_pairs_up_to_the_shortest_input() =>
        Assert.That(Harness.Call("zip", new List<object?> { "a", "b", "c" }, new List<object?> { 1L, 2L }),
            Is.EqualTo(new[] { new object?[] { "a", 1L }, new object?[] { "b", 2L } }));

    [Test]
    public void Sets_compare_by_members_in_any_order_and_never_equal_a_list() =>
        Assert.That(new RenderHarness().Render("{{ set(['a', 'b']) == set(['b', 'a', 'b']) }} {{ set(['a']) != set(['a', 'c']) }} {{ set(['a']) == ['a'] }}"),
            Is.EqualTo("True True False"));

    [Test]
    public void Tojson_writes_python_style_json()
    {
        var value = new Dictionary<string, object?> { ["b"] = 1L, ["a"] = new List<object?> { true, null, 1.5, "x" } };
        Assert.That(Harness.Call("tojson", value), Is.EqualTo("{\"b\": 1, \"a\": [true, null, 1.5, \"x\"]}"));
        Assert.That(Harness.CallNamed("tojson", [value], ("sort_keys", true)), Does.StartWith("{\"a\""));
    }

    [Test]
    public void Fromjson_reads_json_and_gives_the_default_when_malformed()
    {
        var parsed = (Dictionary<string, object?>)Harness.Call("fromjson", "{\"n\": 2, \"f\": 0.5, \"l\": [\"x\"]}")!;
        Assert.That(parsed["n"], Is.EqualTo(2L));
        Assert.That(parsed["f"], Is.EqualTo(0.5));
        Assert.That(parsed["l"], Is.EqualTo(new[] { "x" }));
        Assert.That(Harness.Call("fromjson", "{nope", "fallback"), Is.EqualTo("fallback"));
    }

    [Test]
    public void Fromyaml_resolves_scalars_as_safe_load()
    {
        var parsed = (Dictionary<string, object?>)Harness.Call("fromyaml", "a: 1\nb: yes\nc: ~\nd: '1'\ne: [x, 2.5]\n")!;
        Assert.That(parsed["a"], Is.EqualTo(1L));
        Assert.That(parsed["b"], Is.EqualTo(true));
        Assert.That(parsed["c"], Is.Null);
        Assert.That(parsed["d"], Is.EqualTo("1"));
        Assert.That(parsed["e"], Is.EqualTo(new object?[] { "x", 2.5 }));
    }

    [Test]
    public void Toyaml_writes_block_yaml_and_quotes_ambiguous_strings()
    {
        var value = new Dictionary<string, object?> { ["name"] = "orders", ["flag"] = "yes", ["n"] = 3L, ["cols"] = new List<object?> { "id" } };
        Assert.That(Harness.Call("toyaml", value), Is.EqualTo("name: orders\nflag: 'yes'\nn: 3\ncols:\n- id\n"));
    }

    [Test]
    public void Set_removes_duplicates_and_set_strict_fails_on_a_number()
    {
        Assert.That(Harness.Call("set", new List<object?> { "a", "b", "a" }), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(Harness.Call("set", 5L, "default"), Is.EqualTo("default"));
        var diagnostic = Fails(() => Harness.Call("set_strict", 5L));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2512"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
    }

    [Test]
    public void Local_md5_hashes_utf8_text() =>
        Assert.That(Harness.Call("local_md5", "abc"), Is.EqualTo("900150983cd24fb0d6963f7d28e17f72"));

    [Test]
    public void Diff_of_two_dicts_lists_what_the_second_lacks()
    {
        var a = new Dictionary<string, object?> { ["select"] = new List<object?> { "Reporter", "analyst" }, ["insert"] = new List<object?> { "etl" } };
        var b = new Dictionary<string, object?> { ["SELECT"] = new List<object?> { "reporter" } };
        Assert.That(Harness.Call("diff_of_two_dicts", a, b), Is.EqualTo(new Dictionary<string, object?>
        {
            ["select"] = new List<object?> { "analyst" },
            ["insert"] = new List<object?> { "etl" },
        }));
    }

    [Test]
    public void Itertools_chain_product_combinations_permutations()
    {
        var itertools = Attr(Harness.Global("modules"), "itertools");
        var ab = new List<object?> { "a", "b" };
        Assert.That(CallMethod(itertools, "chain", ab, new List<object?> { "c" }), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(CallMethod(itertools, "product", ab, new List<object?> { 1L }), Is.EqualTo(new[] { new object?[] { "a", 1L }, new object?[] { "b", 1L } }));
        Assert.That(CallMethod(itertools, "combinations", new List<object?> { 1L, 2L, 3L }, 2L),
            Is.EqualTo(new[] { new object?[] { 1L, 2L }, new object?[] { 1L, 3L }, new object?[] { 2L, 3L } }));
        Assert.That(CallMethod(itertools, "permutations", new List<object?> { 1L, 2L, 3L }, 2L),
            Is.EqualTo(new[] { new object?[] { 1L, 2L }, new object?[] { 1L, 3L }, new object?[] { 2L, 1L }, new object?[] { 2L, 3L }, new object?[] { 3L, 1L }, new object?[] { 3L, 2L } }));
    }
}
