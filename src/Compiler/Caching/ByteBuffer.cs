using System.Buffers;

namespace ModelForge.Compiler.Caching;

/// <summary>
/// A growable byte buffer to write into (JSON writers, records). Ours rather than <c>ArrayBufferWriter&lt;byte&gt;</c>,
/// whose code no precompiled image holds: it was compiled at run time in every process that wrote JSON or a record.
/// </summary>
internal sealed class ByteBuffer(int capacity = 256) : IBufferWriter<byte>
{
    private byte[] _bytes = new byte[Math.Max(capacity, 16)];

    public int WrittenCount { get; private set; }

    public int Capacity => _bytes.Length;

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, WrittenCount);

    public void Advance(int count)
    {
        if (count < 0 || count > _bytes.Length - WrittenCount) throw new ArgumentOutOfRangeException(nameof(count));
        WrittenCount += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsSpan(WrittenCount);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        WrittenCount += bytes.Length;
    }

    public void Clear() => WrittenCount = 0;

    /// <summary>Drops the first <paramref name="count"/> bytes written, keeping the rest at the front.</summary>
    public void Discard(int count)
    {
        if (count < 0 || count > WrittenCount) throw new ArgumentOutOfRangeException(nameof(count));
        Buffer.BlockCopy(_bytes, count, _bytes, 0, WrittenCount - count);
        WrittenCount -= count;
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_bytes.Length - WrittenCount >= needed) return;
        var bigger = new byte[Math.Max(_bytes.Length * 2, WrittenCount + needed)];
        Buffer.BlockCopy(_bytes, 0, bigger, 0, WrittenCount);
        _bytes = bigger;
    }
}
