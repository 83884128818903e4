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
}
