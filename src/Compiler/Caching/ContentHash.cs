using System.Security.Cryptography;
using System.Text;

namespace ModelForge.Compiler.Caching;

/// <summary>The content hash the compile cache keys on (SHA-256, hex): collisions are not a practical concern.</summary>
internal static class ContentHash
{
    public static string Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(text);
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
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
            SHA256.HashData(buffer.AsSpan(0, at), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
