using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ModelForge.Compiler.Caching;

/// <summary>
/// Text fed to SHA-256 a few kilobytes at a time: a key over megabytes of text (every node of a large project)
/// without holding the text. <see cref="Hash"/> is <see cref="ContentHash.Sha256Hex"/> of all that was appended.
/// </summary>
internal sealed class HashingWriter : IDisposable
{
    private const int FlushAt = 1 << 14;

    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _text = new(FlushAt + 1024);
    private readonly byte[] _bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(FlushAt + 1024));
    // Carries a character pair split between two flushes (or two chunks) over to the next.
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();

    public HashingWriter Append(string? text)
    {
        _text.Append(text);
        if (_text.Length >= FlushAt) Flush();
        return this;
    }

    public HashingWriter Append(char c)
    {
        _text.Append(c);
        if (_text.Length >= FlushAt) Flush();
        return this;
    }

    /// <summary>The SHA-256 of everything appended, in lowercase hex.</summary>
    public string Hash()
    {
        ContentHash.AppendUtf8(_sha256, _text, _encoder, _bytes, last: true);
        _text.Clear();
        Span<byte> digest = stackalloc byte[32];
        _sha256.GetHashAndReset(digest);
        return Hex.Lower(digest);
    }

    // A string longer than the buffer is appended whole and encoded in pieces.
    private void Flush()
    {
        ContentHash.AppendUtf8(_sha256, _text, _encoder, _bytes, last: false);
        _text.Clear();
    }

    public void Dispose()
    {
        _sha256.Dispose();
        ArrayPool<byte>.Shared.Return(_bytes);
    }
}
