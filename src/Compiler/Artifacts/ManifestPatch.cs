using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using ModelForge.Compiler.Compilation;

using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Rewrites the raw_code, checksum and compiled fields of a few nodes and the macro_sql of a few macros in
/// target/manifest.json, and its generated_at and invocation_id, copying every other byte from the manifest as it is: after one file's edit
/// the result is byte for byte what <see cref="ManifestWriter"/> would write for the whole project. A node's compiled fields
/// close its entry: they are rewritten with its closing brace as the tail the index measured, unread; only a node whose
/// raw_code changed is read, to place that and its checksum.
/// </summary>
internal static partial class ManifestPatch
{
    private static readonly string[] RawFields = ["raw_code", "checksum"];
    private static readonly string[] MacroFields = ["macro_sql"];
    private static readonly string[] MetadataFields = ["generated_at", "invocation_id"];

    /// <summary>
    /// Patches manifest.json in place (ManifestPatch.InPlace.cs) and then writes its index; false, touching nothing but the index, when
    /// <paramref name="index"/> does not describe the manifest on disk (its size or times differ), a node or macro is not
    /// in it, or an entry has not the fields it should. IO errors while writing are thrown, as the full write's;
    /// so is an ArgumentException for a node or macro given twice, compiled code without its path or raw code without its checksum.
    /// </summary>
    /// <param name="patches">The nodes to rewrite; may be empty when only macros changed.</param>
    /// <param name="macros">The macros whose macro_sql to rewrite, if any.</param>
    public static bool TryApply(string targetDirectory, ManifestIndex index, string invocationId, DateTimeOffset generatedAt,
        IReadOnlyList<NodePatch> patches, IReadOnlyList<MacroPatch>? macros = null)
    {
        macros ??= [];
        if (patches.Select(p => p.UniqueId).Distinct(StringComparer.Ordinal).Count() != patches.Count)
            throw new ArgumentException("a node patched twice", nameof(patches));
        if (patches.FirstOrDefault(p => p.Compiled && p.CompiledPath is null) is { } pathless)
            throw new ArgumentException($"{pathless.UniqueId}: compiled code without its path", nameof(patches));
        if (patches.FirstOrDefault(p => p.RawCode is not null && p.Sha256 is null) is { } unsummed)
            throw new ArgumentException($"{unsummed.UniqueId}: raw code without its checksum", nameof(patches));
        if (macros.Select(m => m.UniqueId).Distinct(StringComparer.Ordinal).Count() != macros.Count)
            throw new ArgumentException("a macro patched twice", nameof(macros));
        var path = Path.Combine(targetDirectory, "manifest.json");
        try
        {
            // One handle throughout: the stretches read to place the fields and the patch are of the same file.
            using var manifest = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            // Opened, then stamped (size and times): a manifest changed or replaced since it was indexed is left as it is.
            if (!index.Describes(path)) return false;
            if (Replacements(manifest, index, invocationId, generatedAt, patches, macros) is not { } replacements) return false;
            Diagnostics.PhaseTimings.Step("manifest: fields placed");
            // The index goes first: a patch cut short must not leave one that describes another file.
            CacheFile.Delete(Path.Combine(targetDirectory, ManifestIndex.FileName));
            // The next index needs only the replacements: made and encoded beside the move of the tail.
            var size = index.ManifestSize;
            foreach (var replacement in replacements) size += replacement.Delta;
            var next = Task.Run(() =>
            {
                var shifted = new ManifestIndex(size, null, Shifted(index.Nodes, replacements), Shifted(index.Macros, replacements));
                shifted.EncodedEntries();
                return shifted;
            });
            var patched = PatchInPlace(manifest, index, replacements);
            Diagnostics.PhaseTimings.Step("manifest: patched");
            // Cannot happen (the move writes what the replacements add); if it did, no index is left and the full compile that follows a false rewrites the manifest.
            if (patched != size) return false;
            next.Result.TryWrite(targetDirectory);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A stretch of the old manifest and the bytes that take its place; <see cref="EndsEntry"/> for a node's tail.</summary>
    // A class, as EntryRange: generic code over a struct of forge's is compiled at run time outside the self-contained form.
    private sealed record Replacement(long Start, long End, byte[] Bytes, bool EndsEntry = false)
    {
        public long Delta => Bytes.Length - (End - Start);
    }

    // The replacements in file order, or null when one cannot be placed.
    private static List<Replacement>? Replacements(SafeFileHandle manifest, ManifestIndex index, string invocationId, DateTimeOffset generatedAt,
        IReadOnlyList<NodePatch> patches, IReadOnlyList<MacroPatch> macros)
    {
        var replacements = new List<Replacement>();
        try
        {
            var metadata = Metadata(manifest, index);
            var newMetadata = Encode(1, MetadataFields, json =>
            {
                ArtifactJson.WriteTime(json, "generated_at", generatedAt);
                json.WriteString("invocation_id", invocationId);
            });
            if (!AddEach(replacements, 0, metadata, newMetadata)) return null;
            // In parallel: after a macro's edit, a thousand nodes and more (reads of one handle at offsets are independent).
            var perNode = new List<Replacement>?[patches.Count];
            ParallelLoop.For(patches.Count, i => perNode[i] = NodeReplacements(manifest, index, patches[i]));
            foreach (var node in perNode)
            {
                if (node is null) return null;
                replacements.AddRange(node);
            }
            foreach (var patch in macros)
            {
                if (!index.TryFindMacro(patch.UniqueId, out var macro) || !TryReadNamed(manifest, macro, out var named, out var start)) return null;
                var fields = ManifestFields.Find(named.AsSpan(start), MacroFields, complete: true);
                // As ManifestWriter.WriteMacro writes it, at the depth of a macro's entry (like a node's).
                var values = Encode(2, MacroFields, json => json.WriteString("macro_sql", patch.MacroSql));
                if (!AddEach(replacements, macro.Start, fields, values)) return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        replacements.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < replacements.Count; i++)
            if (replacements[i].Start < replacements[i - 1].End) return null;
        return replacements;
    }

    // The metadata's fields (the root's first field), from the manifest's first 64 KB: forge's metadata is a few hundred
    // bytes (reading up to the first indexed node was ~2 MB at 10,000 models, 11 ms of an edit's compile). A metadata
    // that did not fit would throw the JsonException that refuses the patch, and the full compile would follow.
    private static ManifestFields.Range?[] Metadata(SafeFileHandle manifest, ManifestIndex index)
    {
        var beforeNodes = index.Nodes.Count == 0 ? index.ManifestSize : index.Nodes[0].Start;
        return ManifestFields.Find(ReadAt(manifest, 0, (int)Math.Min(beforeNodes, 64 * 1024)), MetadataFields, complete: false, objectDepth: 1);
    }

    /// <summary>
    /// Encodes a made-up node's fields and finds them again, touching no file: the JSON writer's and the field
    /// finder's first-call costs, paid ahead of time (beside the memo's check) rather than by the first patch.
    /// </summary>
    public static void WarmUp()
    {
        var values = Encode(2, RawFields, json =>
        {
            var sink = new NodeJsonSink(json);
            sink.String(NodeFieldNames.RawCode, "select 'a\"b' as \"c\" -- é");
            NodeDictionary.WriteChecksum(sink, "sha256", new string('0', 64));
        });
        var tail = EncodeTail(new NodePatch("model.forge.warm_up", null, null, "select 1 -- \"é\"", "target/compiled/x.sql"));
        ManifestFields.Find(Encoding.UTF8.GetBytes("{\"raw_code\": \"x\", \"compiled\": true}"), RawFields, complete: false);
        // The metadata's time (its digits' formatting is compiled at run time) and an entry's name as looked for.
        var metadata = Encode(1, MetadataFields, json =>
        {
            ArtifactJson.WriteTime(json, "generated_at", DateTimeOffset.UnixEpoch);
            json.WriteString("invocation_id", Guid.Empty.ToString());
        });
        GC.KeepAlive(JsonEncodedText.Encode("model.forge.warm_up"));
        GC.KeepAlive(values);
        GC.KeepAlive(tail);
        GC.KeepAlive(metadata);
    }

    // One node's fields, new for old; null when its entry is not where the index says or lacks one.
    private static List<Replacement>? NodeReplacements(SafeFileHandle manifest, ManifestIndex index, NodePatch patch)
    {
        try
        {
            if (!index.TryFind(patch.UniqueId, out var node) || node.Tail <= 0) return null;
            var tailStart = node.End - node.Tail;
            var replacements = new List<Replacement>(RawFields.Length + 1);
            if (patch.RawCode is not null)
            {
                if (!TryReadNamed(manifest, node, out var named, out var start)) return null;
                var fields = ManifestFields.Find(named.AsSpan(start), RawFields, complete: true);
                // Each field as the full writer writes it (NodeDictionary).
                var values = Encode(2, RawFields, json =>
                {
                    var sink = new NodeJsonSink(json);
                    sink.String(NodeFieldNames.RawCode, patch.RawCode);
                    NodeDictionary.WriteChecksum(sink, "sha256", patch.Sha256!);
                });
                if (!AddEach(replacements, node.Start, fields, values) || replacements[^1].End > tailStart) return null;
            }
            else if (!StartsTail(manifest, tailStart))
            {
                return null;
            }
            replacements.Add(new Replacement(tailStart, node.End, EncodeTail(patch), EndsEntry: true));
            return replacements;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Whether the tail the index places begins as the writer begins one: the comma after the field before it, then
    // compiled_path's name (on the next line when indented). A few bytes read, where the entry's name is checked for a
    // node read whole.
    private static bool StartsTail(SafeFileHandle manifest, long tailStart)
    {
        Span<byte> head = stackalloc byte[48];
        var read = RandomAccess.Read(manifest, head, tailStart);
        if (read == 0 || head[0] != ',') return false;
        // A loop, not TrimStart over bytes: that is compiled at run time in a precompiled forge.
        var at = 1;
        while (at < read && head[at] is (byte)' ' or (byte)'\r' or (byte)'\n') at++;
        return head[at..read].StartsWith("\"compiled_path\":"u8);
    }

    [ThreadStatic] private static ByteBuffer? t_tailBuffer;
    [ThreadStatic] private static Utf8JsonWriter? t_tailWriter;

    /// <summary>
    /// A node's tail as the full writer ends its entry (ManifestWriter.WriteCompiledAndEnd): the comma after the field
    /// before, compiled_path, compiled and compiled_code, and the entry's closing brace, at a node's depth. One writer per
    /// thread: a thousand users of an edited macro are encoded on every core.
    /// </summary>
    private static byte[] EncodeTail(NodePatch patch)
    {
        var buffer = t_tailBuffer ??= new ByteBuffer(16 * 1024);
        buffer.Clear();
        var json = t_tailWriter ??= new Utf8JsonWriter(buffer, ManifestWriter.Options);
        json.Reset(buffer);
        // The root, the nodes' object and the entry, with a field before the tail's.
        json.WriteStartObject();
        json.WriteStartObject("_");
        json.WriteStartObject("_");
        json.WriteNull("_");
        json.Flush();
        var before = buffer.WrittenCount;
        var code = patch.CompiledCode is null ? [] : patch.CompiledUtf8 ?? Encoding.UTF8.GetBytes(patch.CompiledCode);
        ManifestWriter.WriteCompiledFields(json, patch.Compiled ? patch.CompiledPath : null, code);
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan[before..].ToArray();
    }

    // The entry (its value) as bytes [start..] of what is read, when its name precedes it in the file: the index points at
    // this node's or macro's entry. One read into one array: the entry is not copied out of it.
    private static bool TryReadNamed(SafeFileHandle manifest, ManifestIndex.EntryRange range, out byte[] named, out int start)
    {
        var name = NameBytes(range.UniqueId);
        // The quotes around the name, then the colon (and the space an indented writer puts after it).
        var separator = ManifestWriter.Options.Indented ? "\": "u8 : "\":"u8;
        start = name.Length + 1 + separator.Length;
        named = [];
        var before = range.Start - start;
        if (before < 0) return false;
        named = ReadAt(manifest, before, start + range.Length);
        var head = named.AsSpan(0, start);
        return head[0] == '"' && head[1..^separator.Length].SequenceEqual(name) && head[^separator.Length..].SequenceEqual(separator)
            && named[start] == '{' && named[^1] == '}';
    }

    // A unique id as the manifest writes it as a key: ids are most often letters, digits, '_', '.' and '-', which JSON
    // writes as they are (without the encoder's first-call costs); any other is escaped by the writer's rules.
    private static ReadOnlySpan<byte> NameBytes(string uniqueId)
    {
        foreach (var c in uniqueId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')) return JsonEncodedText.Encode(uniqueId).EncodedUtf8Bytes;
        }
        return Encoding.ASCII.GetBytes(uniqueId);
    }

    // A JsonException (cannot patch) when the file ends sooner.
    private static byte[] ReadAt(SafeFileHandle manifest, long offset, int length)
    {
        var bytes = new byte[length];
        for (var at = 0; at < length;)
        {
            var read = RandomAccess.Read(manifest, bytes.AsSpan(at), offset + at);
            if (read == 0) throw new JsonException("manifest.json ends before the index says");
            at += read;
        }
        return bytes;
    }

    // Every field's old value replaced by its new one; false when the old entry lacks one.
    private static bool AddEach(List<Replacement> replacements, long offset, ManifestFields.Range?[] fields, byte[][] values)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is not { } old) return false;
            replacements.Add(new Replacement(offset + old.Start, offset + old.End, values[i]));
        }
        return true;
    }

    /// <summary>
    /// The values of the fields <paramref name="write"/> writes into an object <paramref name="depth"/> levels inside
    /// the root, by position in <paramref name="names"/>, with the manifest's options: indented and escaped as in the file.
    /// </summary>
    private static byte[][] Encode(int depth, string[] names, Action<Utf8JsonWriter> write)
    {
        var buffer = new ByteBuffer();
        int before;
        using (var json = new Utf8JsonWriter(buffer, ManifestWriter.Options))
        {
            json.WriteStartObject();
            for (var level = 1; level < depth; level++) json.WriteStartObject("_");
            json.Flush();
            before = buffer.WrittenCount;
            json.WriteStartObject("_");
            write(json);
            json.WriteEndObject();
        }
        // From the object's brace: the enclosing objects' closing braces follow it, unread.
        var written = buffer.WrittenSpan[before..];
        var inner = written[written.IndexOf((byte)'{')..];
        var fields = ManifestFields.Find(inner, names, complete: false);
        var values = new byte[fields.Length][];
        for (var i = 0; i < fields.Length; i++)
            values[i] = fields[i] is { } range ? inner.Slice(range.Start, range.Length).ToArray() : throw new InvalidOperationException($"{names[i]} not written");
        return values;
    }

    // The entries (in file order) where they now lie: each moves by what the replacements before it added, and grows by
    // those inside it; a node whose tail was rewritten has the new tail's length.
    private static List<ManifestIndex.EntryRange> Shifted(IReadOnlyList<ManifestIndex.EntryRange> entries, List<Replacement> replacements)
    {
        var shifted = new List<ManifestIndex.EntryRange>(entries.Count);
        var next = 0;
        var delta = 0L;
        foreach (var entry in entries)
        {
            while (next < replacements.Count && replacements[next].End <= entry.Start) delta += replacements[next++].Delta;
            var (grown, tail) = (0L, entry.Tail);
            for (; next < replacements.Count && replacements[next].Start < entry.End; next++)
            {
                grown += replacements[next].Delta;
                if (replacements[next].EndsEntry) tail = replacements[next].Bytes.Length;
            }
            shifted.Add(entry with { Start = entry.Start + delta, Length = checked((int)(entry.Length + grown)), Tail = tail });
            delta += grown;
        }
        return shifted;
    }
}
