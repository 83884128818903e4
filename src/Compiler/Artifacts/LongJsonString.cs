using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Long ASCII strings (models' SQL, tens of megabytes in a large manifest) escaped as JSON without the
/// writer's per-character path, byte for byte as <see cref="Utf8JsonWriter"/>'s default encoder escapes
/// them: each ASCII byte's escape is taken from the writer itself once, and the runs between bytes that
/// need one are copied whole. A string with any non-ASCII byte, or a short one, goes to the writer.
/// </summary>
internal static class LongJsonString
{
    private const int MinimumLength = 256;

    // The escape of each ASCII byte, or null for one written as it is.
    private static readonly byte[]?[] Escapes = BuildEscapes();

    private static readonly SearchValues<byte> Special = SearchValues.Create(
        Enumerable.Range(0, 256).Where(b => b >= 0x80 || Escapes[b] is not null).Select(b => (byte)b).ToArray());

    public static void Write(Utf8JsonWriter json, JsonEncodedText name, string text)
    {
        if (text.Length < MinimumLength || !Ascii.IsValid(text))
        {
            json.WriteString(name, text);
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter json, JsonEncodedText name, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < MinimumLength || !Ascii.IsValid(utf8))
        {
            json.WriteString(name, utf8);
            return;
        }
        var escaped = ArrayPool<byte>.Shared.Rent(utf8.Length * 6 + 2);
        try
        {
            var output = escaped.AsSpan();
            var length = 0;
            output[length++] = (byte)'"';
            var rest = utf8;
            while (rest.IndexOfAny(Special) is var next and >= 0)
            {
                rest[..next].CopyTo(output[length..]);
                length += next;
                var escape = Escapes[rest[next]]!;
                escape.CopyTo(output[length..]);
                length += escape.Length;
                rest = rest[(next + 1)..];
            }
            rest.CopyTo(output[length..]);
            length += rest.Length;
            output[length++] = (byte)'"';
            json.WritePropertyName(name);
            json.WriteRawValue(output[..length], skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(escaped);
        }
    }

    private static byte[]?[] BuildEscapes()
    {
        var escapes = new byte[]?[128];
        var buffer = new ArrayBufferWriter<byte>();
        for (var b = 0; b < 128; b++)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer)) json.WriteStringValue([(byte)b]);
            var written = buffer.WrittenSpan[1..^1];
            if (written.Length != 1 || written[0] != b) escapes[b] = written.ToArray();
        }
        return escapes;
    }
}
