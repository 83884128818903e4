using ModelForge.Compiler.Artifacts;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

// A macro file's edit: each edited macro's macro_sql is rewritten in its entry (the macros follow the nodes in the
// file), with the nodes whose compiled code changed; the result must be the full compile's bytes.
public sealed partial class ManifestPatchTests
{
    private const string Macros = "macros/text.sql";

    private static string MacroFile(string shoutBody, string unusedBody = "'unused'") =>
        $"{{% macro shout(x) %}}{shoutBody}{{% endmacro %}}\n\n{{% macro unused() %}}{unusedBody}{{% endmacro %}}\n";

    private void WithMacros() => _project
        .With(Macros, MacroFile("upper({{ x }})"))
        .With("models/loud.sql", "select {{ shout(\"'a'\") }} as name");

    [Test]
    public void A_macro_edit_with_text_that_needs_escaping_patches_to_the_full_compiles_bytes()
    {
        WithMacros();
        CompileWithIndex();

        // Quotes, a backslash, non-ASCII, a closing script tag and a tab in the body: macro_sql escaped as the writer does.
        var expected = EditAndCompile((Macros, MacroFile("\n  -- a \"quoted\" \\ body, é 日本 </script>\t\n  upper({{ x }})\n")));
        Assert.That(Patch(expected, ["model.shop.loud"], ["macro.shop.shout"]), Is.True);

        Assert.That(Read(), Is.EqualTo(Text(expected)));
    }

    [Test]
    public void A_patched_macro_then_a_node_and_a_macro_patch_again()
    {
        WithMacros();
        CompileWithIndex();

        // Only a macro no model calls: no node changes, the macro's entry grows.
        var first = EditAndCompile((Macros, MacroFile("upper({{ x }})", "'unused, and longer than before'")));
        Assert.That(Patch(first, [], ["macro.shop.unused"]), Is.True);
        Assert.That(Read(), Is.EqualTo(Text(first)));

        // A node before the macros shrinks, both macros change: every range the saved index holds has moved.
        var second = EditAndCompile(("models/orders.sql", "select 2 as id"),
            (Macros, MacroFile("lower({{ x }}) /* é */", "'u'")));
        Assert.That(Patch(second, ["model.shop.orders", "model.shop.loud"], ["macro.shop.shout", "macro.shop.unused"]), Is.True);
        Assert.That(Read(), Is.EqualTo(Text(second)));

        // And once more from the index that patch wrote.
        var third = EditAndCompile((Macros, MacroFile("upper({{ x }})", "'unused again'")));
        Assert.That(Patch(third, ["model.shop.loud"], ["macro.shop.shout", "macro.shop.unused"]), Is.True);
        Assert.That(Read(), Is.EqualTo(Text(third)));
    }

    [Test]
    public void An_unknown_macro_is_refused_and_a_macro_given_twice_is_the_callers_error()
    {
        WithMacros();
        CompileWithIndex();
        var before = File.ReadAllBytes(ManifestPath);
        var index = ManifestIndex.TryRead(Target)!;

        Assert.That(ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [Unchanged("model.shop.orders")],
            [new MacroPatch("macro.shop.shout", "x"), new MacroPatch("macro.shop.nowhere", "x")]), Is.False);
        Assert.That(ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [], [new MacroPatch("model.shop.orders", "x")]), Is.False,
            "a node is not a macro");
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(before));
        Assert.That(ManifestIndex.TryRead(Target), Is.Not.Null, "nothing was written, the index still describes the manifest");

        Assert.Throws<ArgumentException>(() => ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [],
            [new MacroPatch("macro.shop.shout", "x"), new MacroPatch("macro.shop.shout", "y")]));
    }

    [Test]
    public void The_index_with_its_macros_survives_writing_and_reading()
    {
        WithMacros();
        CompileWithIndex();
        var index = ManifestIndex.TryRead(Target)!;
        Assert.That(index.Macros.Select(m => m.UniqueId), Does.Contain("macro.shop.shout").And.Contain("macro.shop.unused"));

        Assert.That(index.TryWrite(Target), Is.True);
        var read = ManifestIndex.TryRead(Target);

        Assert.That(read, Is.Not.Null);
        Assert.That((read!.ManifestSize, read.Stamp), Is.EqualTo((index.ManifestSize, index.Stamp)));
        Assert.That(read.Nodes, Is.EqualTo(index.Nodes));
        Assert.That(read.Macros, Is.EqualTo(index.Macros));
        Assert.That(read.TryFindMacro("macro.shop.shout", out var shout) && index.TryFindMacro("macro.shop.shout", out var before) && shout == before, Is.True);
        Assert.That(read.TryFindMacro("model.shop.orders", out _), Is.False, "nodes and macros are looked up apart");
    }
}
