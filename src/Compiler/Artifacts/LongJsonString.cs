using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// ASCII strings (models' SQL, tens of megabytes in a large manifest, and the short strings with quotes
/// or newlines every node has: relation names, tests' SQL) escaped as JSON without the writer's
/// per-character path, byte for byte as <see cref="Utf8JsonWriter"/>'s default encoder escapes them:
/// each ASCII byte's escape is taken from the writer itself once, and the runs between bytes that need
/// one are copied whole. A string with any non-ASCII byte, or nothing to escape, goes to the writer.
/// </summary>
internal static class LongJsonString
{
    // Strings up to this many bytes are converted and escaped on the stack (6 bytes at most per byte).
    private const int StackLength = 512;

    // The escape of each ASCII byte, or null for one written as it is.
    private static readonly byte[]?[] Escapes = BuildEscapes();

    private static readonly SearchValues<byte> Special = SearchValues.Create(SpecialBytes());

    public static void Write(Utf8JsonWriter json, JsonEncodedText name, string text)
    {
        if (!Ascii.IsValid(text))
        {
            json.WriteString(name, text);
            return;
        }
        if (text.Length <= StackLength)
        {
            Span<byte> ascii = stackalloc byte[text.Length];
            Write(json, name, ascii[..Encoding.ASCII.GetBytes(text, ascii)]);
            return;
        }
        var bytes = ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            var length = Encoding.ASCII.GetBytes(text, bytes);
            Write(json, name, bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public static void Write(Utf8JsonWriter json, JsonEncodedText name, ReadOnlySpan<byte> utf8)
    {
        var first = utf8.IndexOfAny(Special);
        // Nothing to escape (the writer copies it as it is), or non-ASCII (the writer's encoder decides).
        if (first < 0 || !Ascii.IsValid(utf8[first..]))
        {
            json.WriteString(name, utf8);
            return;
        }
        var size = utf8.Length * 6 + 2;
        var rented = size <= StackLength * 6 + 2 ? null : ArrayPool<byte>.Shared.Rent(size);
        try
        {
            Span<byte> output = rented is null ? stackalloc byte[size] : rented;
            var length = 0;
            output[length++] = (byte)'"';
            var rest = utf8;
            var next = first;
            while (next >= 0)
            {
                rest[..next].CopyTo(output[length..]);
                length += next;
                var escape = Escapes[rest[next]]!;
                escape.CopyTo(output[length..]);
                length += escape.Length;
                rest = rest[(next + 1)..];
                next = rest.IndexOfAny(Special);
            }
            rest.CopyTo(output[length..]);
            length += rest.Length;
            output[length++] = (byte)'"';
            json.WritePropertyName(name);
            json.WriteRawValue(output[..length], skipInputValidation: true);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // Non-ASCII bytes and those with an escape. A loop: LINQ over bytes is compiled at run time in a precompiled forge.
    private static byte[] SpecialBytes()
    {
        var special = new byte[128 + Escapes.Count(escape => escape is not null)];
        var count = 0;
        for (var b = 0; b < 256; b++)
        {
            if (b >= 0x80 || Escapes[b] is not null) special[count++] = (byte)b;
        }
        return special;
    }

    private static byte[]?[] BuildEscapes()
    {
        var escapes = new byte[]?[128];
        var buffer = new Caching.ByteBuffer();
        for (var b = 0; b < 128; b++)
        {
            buffer.Clear();
            using (var json = new Utf8JsonWriter(buffer)) json.WriteStringValue([(byte)b]);
            var written = buffer.WrittenSpan[1..^1];
            if (written.Length != 1 || written[0] != b) escapes[b] = written.ToArray();
        }
        return escapes;
    }
}
