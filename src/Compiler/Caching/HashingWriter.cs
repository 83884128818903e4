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
        Flush();
        Span<byte> digest = stackalloc byte[32];
        _sha256.GetHashAndReset(digest);
        return Hex.Lower(digest);
    }

    // A string longer than the buffer is appended whole and encoded in pieces (a piece never splits a surrogate pair).
    private void Flush()
    {
        foreach (var chunk in _text.GetChunks())
        {
            var span = chunk.Span;
            while (span.Length > 0)
            {
                var take = Math.Min(span.Length, FlushAt);
                if (take < span.Length && char.IsHighSurrogate(span[take - 1])) take--;
                _sha256.AppendData(_bytes, 0, Encoding.UTF8.GetBytes(span[..take], _bytes));
                span = span[take..];
            }
        }
        _text.Clear();
    }

    public void Dispose()
    {
        _sha256.Dispose();
        ArrayPool<byte>.Shared.Return(_bytes);
    }
}
