using NUnit.Framework;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class ReModuleTests
{
    private static object? Re(string name) => Attr(Attr(new ContextHarness().Global("modules"), "re"), name);

    [Test]
    public void Match_is_anchored_at_the_start_and_search_is_not()
    {
        Assert.That(Invoke(Re("match"), "[0-9]+", "abc 123"), Is.Null);
        var found = Invoke(Re("search"), "[0-9]+", "abc 123");
        Assert.That(CallMethod(found, "group"), Is.EqualTo("123"));
        Assert.That(CallMethod(found, "start"), Is.EqualTo(4L));
    }

    [Test]
    public void Fullmatch_needs_the_whole_string()
    {
        Assert.That(Invoke(Re("fullmatch"), "[a-z]+", "abc1"), Is.Null);
        Assert.That(Invoke(Re("fullmatch"), "[a-z]+", "abc"), Is.Not.Null);
    }

    [Test]
    public void Named_groups_use_python_syntax_and_numbering()
    {
        var match = Invoke(Re("match"), @"(?P<year>\d{4})-(\d{2})", "2024-05");
        Assert.That(CallMethod(match, "group", "year"), Is.EqualTo("2024"));
        Assert.That(CallMethod(match, "group", 1L), Is.EqualTo("2024"));
        Assert.That(CallMethod(match, "group", 2L), Is.EqualTo("05"));
        Assert.That(CallMethod(match, "groups"), Is.EqualTo(new object?[] { "2024", "05" }));
        Assert.That(CallMethod(match, "groupdict"), Is.EqualTo(new Dictionary<string, object?> { ["year"] = "2024" }));
    }

    [Test]
    public void Named_backreference_is_translated() =>
        Assert.That(Invoke(Re("search"), @"(?P<q>['""]).*?(?P=q)", "say 'hi' now") is { } m ? CallMethod(m, "group") : null, Is.EqualTo("'hi'"));

    [Test]
    public void Sub_uses_python_replacement_syntax()
    {
        Assert.That(Invoke(Re("sub"), @"(\w+)@(\w+)", @"\2 at \1", "ana@shop"), Is.EqualTo("shop at ana"));
        Assert.That(Invoke(Re("sub"), @"(?P<n>\d+)", @"<\g<n>>", "a1b22"), Is.EqualTo("a<1>b<22>"));
        Assert.That(Invoke(Re("sub"), @"\s+", "_", "a  b c", 1L), Is.EqualTo("a_b c"));
        Assert.That(Invoke(Re("sub"), "x", "$1", "x"), Is.EqualTo("$1"));
    }

    [Test]
    public void Findall_returns_matches_or_groups()
    {
        Assert.That(Invoke(Re("findall"), @"\d+", "a1b22c333"), Is.EqualTo(new[] { "1", "22", "333" }));
        Assert.That(Invoke(Re("findall"), @"(\w)=(\d)", "a=1,b=2"), Is.EqualTo(new[] { new object?[] { "a", "1" }, new object?[] { "b", "2" } }));
    }

    [Test]
    public void Split_escape_and_flags()
    {
        Assert.That(Invoke(Re("split"), @",\s*", "a, b,c"), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(Invoke(Re("escape"), "a.b*c"), Is.EqualTo(@"a\.b\*c"));
        Assert.That(InvokeNamed(Re("search"), ["ORDERS", "from orders"], ("flags", Re("IGNORECASE"))), Is.Not.Null);
    }

    [Test]
    public void Compiled_patterns_have_the_same_methods()
    {
        var pattern = Invoke(Re("compile"), @"^stg_(\w+)$");
        var match = CallMethod(pattern, "match", "stg_orders");
        Assert.That(CallMethod(match, "group", 1L), Is.EqualTo("orders"));
        Assert.That(CallMethod(pattern, "sub", "x_\\1", "stg_orders"), Is.EqualTo("x_orders"));
    }

    [Test]
    public void Invalid_pattern_points_at_the_call()
    {
        var diagnostic = Fails(() => Invoke(Re("search"), "(unclosed", "text"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2509"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
        Assert.That(diagnostic.Message, Does.StartWith("Invalid regular expression '(unclosed'"));
    }
}
