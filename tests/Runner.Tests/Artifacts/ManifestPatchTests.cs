using System.Text;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using ModelForge.Runner.Tests.Lineage;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// A manifest patched after a file's edit must be, byte for byte, what a full compile writes with the same
/// invocation id and time; an index that does not describe the manifest on disk must be refused.
/// </summary>
public sealed partial class ManifestPatchTests
{
    private TempProject _project = null!;

    private string Target => Path.Combine(_project.Root, "target");

    private string ManifestPath => Path.Combine(Target, "manifest.json");

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile()
        .With("seeds/raw_orders.csv", "id\n1\n")
        .With("models/orders.sql", "select 1 as id, 'a' as name")
        .With("models/customers.sql", "select id from {{ ref('orders') }}")
        .With("models/schema.yml", """
            models:
              - name: orders
                config:
                  meta: {raw_code: "not the node's", compiled_code: x, checksum: y}
                columns:
                  - name: id
                    data_tests: [not_null]
            """)
        .With("tests/no_negative_ids.sql", "select * from {{ ref('orders') }} where id < 0")
        .With("dbt_packages/shop_utils/dbt_project.yml", "name: shop_utils\nversion: '1.0'\n")
        .With("dbt_packages/shop_utils/models/package_model.sql", "select 1 as one");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void An_edit_with_text_that_needs_escaping_patches_to_the_full_compiles_bytes()
    {
        CompileWithIndex();

        // Quotes, backslashes, non-ASCII, a closing script tag and a control character: each escaped as the writer does.
        var expected = EditAndCompile(("models/orders.sql", "-- a \"quoted\" \\ comment, é 日本 </script>\t\nselect 1 as id, 'b\\c' as name"));
        Assert.That(Patch(expected, "model.shop.orders"), Is.True);

        Assert.That(Read(), Is.EqualTo(Text(expected)));
    }

    [Test]
    public void The_patched_index_patches_again()
    {
        CompileWithIndex();
        var first = EditAndCompile(("models/orders.sql", "select 2 as id, 'a' as name -- longer than before"));
        Assert.That(Patch(first, "model.shop.orders"), Is.True);

        // Later entries moved: the saved index must place them where they now are.
        var second = EditAndCompile(("models/customers.sql", "select id from {{ ref('orders') }} where id > 0"), ("models/orders.sql", "select 3 as id"));
        Assert.That(Patch(second, "model.shop.customers", "model.shop.orders"), Is.True);

        Assert.That(Read(), Is.EqualTo(Text(second)));
    }

    [Test]
    public void Several_nodes_a_singular_test_and_a_packages_model_in_one_patch()
    {
        CompileWithIndex();

        var expected = EditAndCompile(
            ("models/orders.sql", "select 1 as id, 'é' as name"),
            ("models/customers.sql", "-- short\nselect id from {{ ref('orders') }}"),
            ("tests/no_negative_ids.sql", "select * from {{ ref('orders') }} where id <= 0 -- \"strict\""),
            ("dbt_packages/shop_utils/models/package_model.sql", "select 1 as one, 2 as two"));
        Assert.That(Patch(expected, "model.shop.orders", "model.shop.customers", "test.shop.no_negative_ids", "model.shop_utils.package_model"), Is.True);

        Assert.That(Read(), Is.EqualTo(Text(expected)));
    }

    [Test]
    public void A_model_larger_than_the_copy_buffer_is_patched_across_its_stretches()
    {
        // Megabytes of SQL before and in the patched node: replacements start, span and end in different stretches read.
        string Large(char c) => $"-- {new string(c, 2_500_000)}\nselect 1 as id";
        _project.With("models/customers.sql", Large('c') + " -- {{ ref('orders') }}").With("models/zeta.sql", Large('z'));
        CompileWithIndex();

        var expected = EditAndCompile(("models/customers.sql", Large('d') + "é -- {{ ref('orders') }}"), ("models/zeta.sql", Large('y')));
        Assert.That(Patch(expected, "model.shop.customers", "model.shop.zeta"), Is.True);

        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(expected));
    }

    [Test]
    public void Nodes_that_all_grow_all_shrink_or_do_both_patch_to_the_full_compiles_bytes()
    {
        // Megabytes of SQL in one model: the stretches moved up (growth), down (shrinking) and through the general
        // copy (one grows, one shrinks) span several copy buffers.
        string Large(char c, int length) => $"-- {new string(c, length)}\nselect 1 as id";
        _project.With("models/customers.sql", Large('c', 2_500_000) + " -- {{ ref('orders') }}");
        CompileWithIndex();

        var grown = EditAndCompile(("models/orders.sql", "select 1 as id, 'a' as name -- longer"), ("models/customers.sql", Large('d', 2_500_100) + " -- {{ ref('orders') }}"));
        Assert.That(Patch(grown, "model.shop.orders", "model.shop.customers"), Is.True);
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(grown));

        var shrunk = EditAndCompile(("models/orders.sql", "select 1 as id"), ("models/customers.sql", Large('e', 1_200_000) + " -- {{ ref('orders') }}"));
        Assert.That(Patch(shrunk, "model.shop.orders", "model.shop.customers"), Is.True);
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(shrunk));

        // customers comes first in the file: its shrinking moves what follows down, orders' growth moves the rest up.
        var both = EditAndCompile(("models/orders.sql", "select 1 as id, 'a much longer name' as name"), ("models/customers.sql", Large('f', 1_199_990) + " -- {{ ref('orders') }}"));
        Assert.That(Patch(both, "model.shop.orders", "model.shop.customers"), Is.True);
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(both));

        var down = EditAndCompile(("models/orders.sql", "select 2 as id, 'b' as name"), ("models/customers.sql", Large('g', 1_000) + " -- {{ ref('orders') }}"));
        Assert.That(Patch(down, "model.shop.orders", "model.shop.customers"), Is.True);
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(down));
    }

    [Test]
    public void A_node_left_uncompiled_keeps_null_code_and_one_compiled_now_gains_it()
    {
        CompileWithIndex("-s", "orders");
        // customers was not compiled: its raw_code changes, compiled stays false.
        var uncompiled = EditAndCompile(["-s", "orders"], ("models/customers.sql", "select id from {{ ref('orders') }} -- edited"));
        Assert.That(Patch(uncompiled, "model.shop.customers"), Is.True);
        Assert.That(Read(), Is.EqualTo(Text(uncompiled)));

        var compiled = EditAndCompile(["-s", "orders", "customers"], ("models/customers.sql", "select id from {{ ref('orders') }} -- compiled"));
        Assert.That(Patch(compiled, "model.shop.customers"), Is.True);
        Assert.That(Read(), Is.EqualTo(Text(compiled)));
    }

    [Test]
    public void A_manifest_changed_since_it_was_indexed_is_refused_and_left_as_it_is()
    {
        CompileWithIndex();
        var patch = new NodePatch("model.shop.orders", "select 2", new string('0', 64), "select 2", "target/compiled/shop/models/orders.sql");

        // Same size, other content: the index is read, the patch refuses.
        var bytes = File.ReadAllBytes(ManifestPath);
        var at = Encoding.UTF8.GetString(bytes).IndexOf("select id from", StringComparison.Ordinal);
        bytes[at] = (byte)'S';
        File.WriteAllBytes(ManifestPath, bytes);
        var index = ManifestIndex.TryRead(Target);
        Assert.That(index, Is.Not.Null);
        Assert.That(ManifestPatch.TryApply(Target, index!, "id", DateTimeOffset.UnixEpoch, [patch]), Is.False);
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(bytes));

        // Another size: the index is not even read.
        File.AppendAllText(ManifestPath, " ");
        Assert.That(ManifestIndex.TryRead(Target), Is.Null);
    }

    [Test]
    public void A_manifest_rewritten_by_a_full_compile_of_the_same_size_is_refused()
    {
        CompileWithIndex();
        var indexPath = Path.Combine(Target, ManifestIndex.FileName);
        var stale = File.ReadAllBytes(indexPath);
        // An edit of the same length; the compile writes its own index, which is set back to the old one.
        var compiled = _project.With("models/customers.sql", "select ID from {{ ref('orders') }}").Forge("compile");
        Assert.That(compiled.ExitCode, Is.EqualTo(0), compiled.ToString());
        var rewritten = File.ReadAllBytes(ManifestPath);
        File.WriteAllBytes(indexPath, stale);

        var index = ManifestIndex.TryRead(Target);
        Assert.That(index?.ManifestSize, Is.EqualTo(rewritten.LongLength), "a new invocation id and time, the same size");
        Assert.That(ManifestPatch.TryApply(Target, index!, "id", DateTimeOffset.UnixEpoch, [Unchanged("model.shop.orders")]), Is.False);
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(rewritten));
    }

    [Test]
    public void A_manifest_touched_or_dated_back_is_refused_as_not_proven()
    {
        CompileWithIndex();
        var before = File.ReadAllBytes(ManifestPath);
        var index = ManifestIndex.TryRead(Target)!;
        Assert.That(index.Describes(ManifestPath), Is.True);

        // Its bytes are the same, but its times no longer prove it: the patch is refused, the full compile writes it.
        File.SetLastWriteTimeUtc(ManifestPath, File.GetLastWriteTimeUtc(ManifestPath).AddSeconds(-5));

        Assert.That(index.Describes(ManifestPath), Is.False);
        Assert.That(ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [Unchanged("model.shop.orders")]), Is.False);
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(before));
    }

    [Test]
    public void A_damaged_index_or_an_unknown_node_is_refused()
    {
        CompileWithIndex();
        var before = File.ReadAllBytes(ManifestPath);
        var index = ManifestIndex.TryRead(Target)!;

        Assert.That(ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [Unchanged("model.shop.orders"), Unchanged("model.shop.nowhere")]), Is.False);
        Assert.That(ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [Unchanged("test.shop.not_null_orders_id")]), Is.False,
            "a generic test has no file: it is not in the index");
        Assert.That(ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [Unchanged("seed.shop.raw_orders")]), Is.False,
            "a seed has no compiled fields: it is not in the index");
        Assert.That(File.ReadAllBytes(ManifestPath), Is.EqualTo(before));

        var indexPath = Path.Combine(Target, ManifestIndex.FileName);
        var damaged = File.ReadAllBytes(indexPath);
        damaged[damaged.Length / 2] ^= 0x20;
        File.WriteAllBytes(indexPath, damaged);
        Assert.That(ManifestIndex.TryRead(Target), Is.Null);
        File.Delete(indexPath);
        Assert.That(ManifestIndex.TryRead(Target), Is.Null);
    }

    [Test]
    public void A_node_given_twice_or_compiled_code_without_its_path_is_the_callers_error()
    {
        CompileWithIndex();
        var index = ManifestIndex.TryRead(Target)!;

        Assert.Throws<ArgumentException>(() => ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch, [Unchanged("model.shop.orders"), Unchanged("model.shop.orders")]));
        Assert.Throws<ArgumentException>(() => ManifestPatch.TryApply(Target, index, "id", DateTimeOffset.UnixEpoch,
            [new NodePatch("model.shop.orders", "select 1", new string('0', 64), "select 1", CompiledPath: null)]));
    }

    /// <summary>
    /// Compiles with forge, then writes the same manifest in-process with an index: the bytes must be forge's, each
    /// indexed range must hold the node it names, and the index forge compile saved must be the one written here.
    /// </summary>
    private void CompileWithIndex(params string[] select)
    {
        var result = _project.Forge(["compile", .. select]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var written = File.ReadAllBytes(ManifestPath);
        using var manifest = JsonDocument.Parse(written);
        var project = DemoProject.Load(_project.Root);
        var code = new CompiledCode();
        foreach (var node in manifest.RootElement.GetProperty("nodes").EnumerateObject())
        {
            if (node.Value.TryGetProperty("compiled", out var compiled) && compiled.GetBoolean())
                code.Add(project.Nodes[node.Name], node.Value.GetProperty("compiled_path").GetString()!, node.Value.GetProperty("compiled_code").GetString()!);
        }
        var (invocationId, generatedAt) = Metadata(manifest);
        var recorder = new ManifestIndexRecorder();
        using var stream = new MemoryStream();
        ManifestWriter.Write(stream, project, invocationId, generatedAt, null, code, index: recorder);
        Assert.That(Text(stream.ToArray()), Is.EqualTo(Text(written)), "recording changes no byte, and this is forge compile's manifest");

        var index = recorder.Index!;
        Assert.That((index.ManifestSize, index.Stamp), Is.EqualTo((written.LongLength, (ManifestStamp?)null)), "stamped when saved beside the file");
        var withFiles = manifest.RootElement.GetProperty("nodes").EnumerateObject()
            .Where(n => n.Value.GetProperty("checksum").GetProperty("name").GetString() == "sha256" && n.Value.GetProperty("resource_type").GetString() != "seed")
            .Select(n => n.Name);
        Assert.That(index.Nodes.Select(n => n.UniqueId), Is.EquivalentTo(withFiles));
        Assert.That(index.Macros.Select(m => m.UniqueId), Is.EqualTo(manifest.RootElement.GetProperty("macros").EnumerateObject().Select(m => m.Name)),
            "every macro, in the manifest's order");
        foreach (var entry in index.Nodes.Concat(index.Macros))
        {
            using var value = JsonDocument.Parse(written.AsMemory((int)entry.Start, entry.Length));
            Assert.That(value.RootElement.GetProperty("unique_id").GetString(), Is.EqualTo(entry.UniqueId));
        }
        foreach (var node in index.Nodes)
        {
            // The tail: the compiled fields, from the comma before compiled_path, and the closing brace; nothing else.
            var tail = Encoding.UTF8.GetString(written, (int)(node.End - node.Tail), node.Tail);
            Assert.That(tail, Does.Match("^,\\s*\"compiled_path\":\\s*[^\\n]*,\\s*\"compiled\":\\s*(true|false),\\s*\"compiled_code\":\\s*[^\\n]*\\s*}$"), node.UniqueId);
        }
        Assert.That(index.Macros.Select(m => m.Tail), Is.All.Zero);
        var saved = ManifestIndex.TryRead(Target);
        Assert.That(saved, Is.Not.Null, "forge compile saves the index beside the manifest");
        Assert.That((saved!.ManifestSize, saved.Stamp), Is.EqualTo((index.ManifestSize, ManifestStamp.Of(ManifestPath))));
        Assert.That(saved.Describes(ManifestPath), Is.True);
        Assert.That(saved.Nodes, Is.EqualTo(index.Nodes));
        Assert.That(saved.Macros, Is.EqualTo(index.Macros));
    }

    // The full compile after the edits; then the manifest and its index from before are put back, to be patched.
    private byte[] EditAndCompile(params (string Path, string Text)[] edits) => EditAndCompile([], edits);

    private byte[] EditAndCompile(string[] select, params (string Path, string Text)[] edits)
    {
        var indexPath = Path.Combine(Target, ManifestIndex.FileName);
        var before = File.ReadAllBytes(ManifestPath);
        var indexBefore = File.ReadAllBytes(indexPath);
        foreach (var (path, text) in edits) _project.With(path, text);
        var result = _project.Forge(["compile", .. select]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var after = File.ReadAllBytes(ManifestPath);
        File.WriteAllBytes(ManifestPath, before);
        File.WriteAllBytes(indexPath, indexBefore);
        // Put back, the manifest has new times: its index is saved again beside it, as the compile that wrote it would have.
        Assert.That(ManifestIndex.TryRead(Target)?.TryWrite(Target), Is.True);
        return after;
    }

    // The patch from the full compile's own values, with its invocation id and time.
    private bool Patch(byte[] expected, params string[] ids) => Patch(expected, ids, []);

    private bool Patch(byte[] expected, string[] ids, string[] macroIds)
    {
        using var manifest = JsonDocument.Parse(expected);
        using var onDisk = JsonDocument.Parse(File.ReadAllBytes(ManifestPath));
        var nodes = manifest.RootElement.GetProperty("nodes");
        var patches = ids.Select(id =>
        {
            var node = nodes.GetProperty(id);
            var rawCode = node.GetProperty("raw_code").GetString()!;
            // As the delta patches a macro's user: raw_code and checksum left as they are when the file did not change.
            if (rawCode == onDisk.RootElement.GetProperty("nodes").GetProperty(id).GetProperty("raw_code").GetString())
                return new NodePatch(id, null, null, node.GetProperty("compiled_code").GetString(), node.GetProperty("compiled_path").GetString());
            return new NodePatch(id, rawCode, node.GetProperty("checksum").GetProperty("checksum").GetString()!,
                node.GetProperty("compiled_code").GetString(), node.GetProperty("compiled_path").GetString());
        }).ToList();
        var macros = manifest.RootElement.GetProperty("macros");
        var macroPatches = macroIds.Select(id => new MacroPatch(id, macros.GetProperty(id).GetProperty("macro_sql").GetString()!)).ToList();
        var (invocationId, generatedAt) = Metadata(manifest);
        var index = ManifestIndex.TryRead(Target);
        Assert.That(index, Is.Not.Null, "the index describes the manifest on disk");
        return ManifestPatch.TryApply(Target, index!, invocationId, generatedAt, patches, macroPatches);
    }

    private static NodePatch Unchanged(string id) => new(id, "select 1 as id, 'a' as name", new string('0', 64), null);

    private static (string InvocationId, DateTimeOffset GeneratedAt) Metadata(JsonDocument manifest)
    {
        var metadata = manifest.RootElement.GetProperty("metadata");
        return (metadata.GetProperty("invocation_id").GetString()!,
            DateTimeOffset.Parse(metadata.GetProperty("generated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal));
    }

    private string Read() => File.ReadAllText(ManifestPath);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
