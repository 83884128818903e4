using System.Security.Cryptography;
using System.Text;

namespace ModelForge.Compiler.Caching;

/// <summary>The content hash the compile cache keys on (SHA-256, hex): collisions are not a practical concern.</summary>
internal static class ContentHash
{
    // Per thread: SHA256.HashData looks the algorithm up in OpenSSL on every call (~15 µs, most of
    // hashing a small text); a kept context hashes thousands of node keys without that or contention.
    [ThreadStatic]
    private static IncrementalHash? _sha256;

    public static string Of(string text) => OfLines(text);

    /// <summary>The whole SHA-256 of <paramref name="text"/> as UTF-8, in lowercase hex.</summary>
    public static string Sha256Hex(string text)
    {
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Span<byte> digest = stackalloc byte[32];
            Sha256(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)), digest);
            return Hex.Lower(digest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/> into <paramref name="digest"/> (32 bytes), through this thread's context.</summary>
    public static void Sha256(ReadOnlySpan<byte> bytes, Span<byte> digest)
    {
        var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(bytes);
        sha256.GetHashAndReset(digest);
    }

    /// <summary>
    /// As <see cref="Of(string)"/> of <paramref name="text"/>'s string, without making it: the builder's chunks are
    /// encoded in turn (a character pair split between two chunks is encoded whole, as in the string).
    /// </summary>
    public static string Of(StringBuilder text)
    {
        var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            AppendUtf8(sha256, text, Encoding.UTF8.GetEncoder(), buffer, last: true);
            Span<byte> hash = stackalloc byte[32];
            sha256.GetHashAndReset(hash);
            return Hex.Lower(hash[..16]);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Feeds <paramref name="text"/> to <paramref name="hash"/> as UTF-8 through <paramref name="buffer"/>, a piece at a
    /// time. <paramref name="encoder"/> carries a character pair split between two chunks (or two calls) over to the
    /// next; <paramref name="last"/> ends the text, so that the bytes are those of the whole text as one string.
    /// </summary>
    internal static void AppendUtf8(IncrementalHash hash, StringBuilder text, Encoder encoder, byte[] buffer, bool last)
    {
        // At most 3 bytes a character, and room for a high surrogate carried from the piece before.
        var piece = buffer.Length / 3 - 2;
        foreach (var chunk in text.GetChunks())
        {
            for (var span = chunk.Span; span.Length > 0; span = span[Math.Min(span.Length, piece)..])
                hash.AppendData(buffer, 0, encoder.GetBytes(span[..Math.Min(span.Length, piece)], buffer, flush: false));
        }
        if (last) hash.AppendData(buffer, 0, encoder.GetBytes([], buffer, flush: true));
    }

    /// <summary>
    /// As <see cref="Of(string)"/> of the parts joined by newlines, without building the joined
    /// string or a second copy of its bytes (a template's text is most of it).
    /// </summary>
    public static string OfLines(params ReadOnlySpan<string> parts)
    {
        var length = parts.Length;
        foreach (var part in parts) length += Encoding.UTF8.GetMaxByteCount(part.Length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) buffer[at++] = (byte)'\n';
                at += Encoding.UTF8.GetBytes(parts[i], buffer.AsSpan(at));
            }
            Span<byte> hash = stackalloc byte[32];
            Sha256(buffer.AsSpan(0, at), hash);
            return Hex.Lower(hash[..16]);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
