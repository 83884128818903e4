using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// The key of a node's manifest entry: a 128-bit hash of every call the JSON sink would receive for it
/// (field names, values, nesting), each call written to a buffer as a tag and its data with lengths, so
/// that two different call sequences never make the same buffer. The JSON of an entry is a function of
/// that sequence (the writer's options and code are in the fragment index's stamp), so the same key
/// means the same bytes. Cheaper than writing: no escaping, no indentation, no UTF-8 conversion.
/// </summary>
internal sealed class NodeHashSink : INodeFieldSink
{
    private byte[] _buffer = new byte[1 << 16];
    private int _length;

    [ThreadStatic]
    private static NodeHashSink? _perThread;

    /// <summary>This thread's sink, empty.</summary>
    public static NodeHashSink ForThread()
    {
        var sink = _perThread ??= new NodeHashSink();
        sink._length = 0;
        return sink;
    }

    /// <summary>The key of what the sink received since <see cref="ForThread"/>: SHA-256 (of this thread's context), its first 128 bits.</summary>
    public UInt128 Hash()
    {
        Span<byte> digest = stackalloc byte[32];
        Caching.ContentHash.Sha256(_buffer.AsSpan(0, _length), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    // Tags: one per kind of call or value, so that no sequence reads as another.
    private const byte NameTag = 1, DataNameTag = 2, ValueTag = 3, StringTag = 4, NullTag = 5, Utf8Tag = 6, TrueTag = 7, FalseTag = 8,
        StringsTag = 9, StartObjectTag = 10, EndObjectTag = 11, StartArrayTag = 12, EndArrayTag = 13, StartObjectItemTag = 14,
        StringsItemTag = 15, LongTag = 16, IntTag = 17, DoubleTag = 18, DecimalTag = 19, PropertyNameTag = 20, TextTag = 21;

    public void Value(JsonEncodedText name, object? value)
    {
        Name(name);
        Tag(ValueTag);
        JsonValueWalk.Walk(new Visitor(this), value);
    }

    public void Value(string name, object? value)
    {
        Tag(DataNameTag);
        Chars(name);
        Tag(ValueTag);
        JsonValueWalk.Walk(new Visitor(this), value);
    }

    public void String(JsonEncodedText name, string? value)
    {
        Name(name);
        NullableString(value);
    }

    // The text's SHA-256 (of its UTF-8, computed once per file and shared with the checksum and the compile
    // cache) stands for it: a file's text decoded from UTF-8 has no lone surrogates, so the text is one with its UTF-8.
    public void Text(JsonEncodedText name, Diagnostics.SourceText text)
    {
        Name(name);
        Tag(TextTag);
        Chars(text.Sha256);
    }

    public void Utf8String(JsonEncodedText name, ReadOnlySpan<byte> value)
    {
        Name(name);
        Tag(Utf8Tag);
        Bytes(value);
    }

    public void Bool(JsonEncodedText name, bool value)
    {
        Name(name);
        Tag(value ? TrueTag : FalseTag);
    }

    public void Strings(JsonEncodedText name, IReadOnlyList<string> values)
    {
        Name(name);
        Tag(StringsTag);
        Int(values.Count);
        for (var i = 0; i < values.Count; i++) NullableString(values[i]);
    }

    public void StartObject(JsonEncodedText name)
    {
        Name(name);
        Tag(StartObjectTag);
    }

    public void StartObject(string name)
    {
        Tag(DataNameTag);
        Chars(name);
        Tag(StartObjectTag);
    }

    public void EndObject() => Tag(EndObjectTag);

    public void StartArray(JsonEncodedText name)
    {
        Name(name);
        Tag(StartArrayTag);
    }

    public void EndArray() => Tag(EndArrayTag);

    public void StartObjectItem() => Tag(StartObjectItemTag);

    public void StringsItem(IReadOnlyList<string?> values)
    {
        Tag(StringsItemTag);
        Int(values.Count);
        for (var i = 0; i < values.Count; i++) NullableString(values[i]);
    }

    private void Name(JsonEncodedText name)
    {
        Tag(NameTag);
        Bytes(name.EncodedUtf8Bytes);
    }

    private void NullableString(string? value)
    {
        if (value is null)
        {
            Tag(NullTag);
            return;
        }
        Tag(StringTag);
        Chars(value);
    }

    private void Tag(byte tag) => Reserve(1)[0] = tag;

    private void Int(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    private void Long(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    // ASCII text (nearly all of it) as a byte a char, half the bytes to hash; other text as UTF-16. A flag says which.
    private void Chars(ReadOnlySpan<char> text)
    {
        var into = Reserve(5 + text.Length);
        if (System.Text.Ascii.FromUtf16(text, into[5..], out _) == System.Buffers.OperationStatus.Done)
        {
            into[0] = 1;
            BinaryPrimitives.WriteInt32LittleEndian(into[1..], text.Length);
            return;
        }
        _length -= 5 + text.Length;
        Tag(0);
        Bytes(MemoryMarshal.AsBytes(text));
    }

    // Length first: the data never runs into what follows.
    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        var into = Reserve(4 + bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(into, bytes.Length);
        bytes.CopyTo(into[4..]);
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    /// <summary>Values walked as the JSON writer walks them (<see cref="JsonValueWalk"/>).</summary>
    private readonly struct Visitor(NodeHashSink sink) : IJsonValueVisitor
    {
        public void Null() => sink.Tag(NullTag);
        public void String(string? value) => sink.NullableString(value);

        public void Utf8String(ReadOnlySpan<byte> value)
        {
            sink.Tag(Utf8Tag);
            sink.Bytes(value);
        }

        public void Bool(bool value) => sink.Tag(value ? TrueTag : FalseTag);

        public void Number(long value)
        {
            sink.Tag(LongTag);
            sink.Long(value);
        }

        public void Number(int value)
        {
            sink.Tag(IntTag);
            sink.Int(value);
        }

        // The exact bits: -0.0 and 0.0 are written differently.
        public void Number(double value)
        {
            sink.Tag(DoubleTag);
            sink.Long(BitConverter.DoubleToInt64Bits(value));
        }

        // The bits hold the scale too: 1.0m and 1.00m are written differently.
        public void Number(decimal value)
        {
            sink.Tag(DecimalTag);
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            foreach (var part in bits) sink.Int(part);
        }

        public void StartObject() => sink.Tag(StartObjectTag);

        public void PropertyName(string name)
        {
            sink.Tag(PropertyNameTag);
            sink.Chars(name);
        }

        public void EndObject() => sink.Tag(EndObjectTag);
        public void StartArray() => sink.Tag(StartArrayTag);
        public void EndArray() => sink.Tag(EndArrayTag);
    }
}
