using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// MD5 (RFC 1321) of a short UTF-8 text, in managed code. Test ids and long test names need one per
/// generic test; on Linux <c>MD5.HashData</c> goes through OpenSSL 3, whose per-call algorithm
/// fetch costs far more than hashing a few hundred bytes, and contends across threads.
/// </summary>
internal static class Md5
{
    private static readonly uint[] Sines =
    [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ];

    private static readonly int[] Shifts =
    [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];

    /// <summary>The digest of <paramref name="text"/>'s UTF-8 bytes as 32 lowercase hex digits.</summary>
    public static string HexOf(string text) => HexOf(text.AsSpan());

    /// <summary>The same for characters not held in a string (a test id hashes thousands of them).</summary>
    public static string HexOf(ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        // The message, 0x80, zeros up to 56 mod 64, then the bit length: whole 64-byte blocks.
        var padded = (length + 8) / 64 * 64 + 64;
        var rented = ArrayPool<byte>.Shared.Rent(padded);
        try
        {
            var message = rented.AsSpan(0, padded);
            Encoding.UTF8.GetBytes(text, message);
            // A rented array holds old bytes: the padding is written in full.
            message[length..].Clear();
            message[length] = 0x80;
            BinaryPrimitives.WriteUInt64LittleEndian(message[(padded - 8)..], (ulong)length * 8);
            return Digest(message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string Digest(ReadOnlySpan<byte> message)
    {
        var padded = message.Length;

        uint a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
        Span<uint> words = stackalloc uint[16];
        for (var offset = 0; offset < padded; offset += 64)
        {
            for (var i = 0; i < 16; i++) words[i] = BinaryPrimitives.ReadUInt32LittleEndian(message[(offset + 4 * i)..]);
            uint a = a0, b = b0, c = c0, d = d0;
            for (var i = 0; i < 64; i++)
            {
                uint f;
                int g;
                switch (i >> 4)
                {
                    case 0: f = (b & c) | (~b & d); g = i; break;
                    case 1: f = (d & b) | (~d & c); g = (5 * i + 1) & 15; break;
                    case 2: f = b ^ c ^ d; g = (3 * i + 5) & 15; break;
                    default: f = c ^ (b | ~d); g = (7 * i) & 15; break;
                }
                f += a + Sines[i] + words[g];
                a = d;
                d = c;
                c = b;
                b += BitOperations.RotateLeft(f, Shifts[i]);
            }
            a0 += a;
            b0 += b;
            c0 += c;
            d0 += d;
        }

        Span<byte> digest = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(digest, a0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[4..], b0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[8..], c0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[12..], d0);
        // Caching.Hex rather than Convert's vectorized hex, which has no precompiled code (compiled on every run).
        return Caching.Hex.Lower(digest);
    }
}
