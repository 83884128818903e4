using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ModelForge.Compiler.Caching;

/// <summary>
/// Writes a cache record (the static parse memo's, the compile delta's): little-endian numbers, strings as a 7-bit-encoded UTF-8 length and the bytes.
/// One per thread, reused: every model the static parser handles on a cold compile is written.
/// </summary>
internal sealed class RecordWriter
{
    [ThreadStatic] private static RecordWriter? t_writer;

    private readonly ByteBuffer _buffer = new(512);

    public static RecordWriter Rent()
    {
        var writer = t_writer ?? new RecordWriter();
        t_writer = null;
        writer._buffer.Clear();
        return writer;
    }

    public void Return()
    {
        // A huge record does not pin a huge buffer to the thread.
        if (_buffer.Capacity <= 64 * 1024) t_writer = this;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void Write(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Bytes as they are, after their count.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Write(bytes.Length);
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Write(string value)
    {
        // Most strings (names, paths, ids) are short: encoded once, straight after a one-byte length (two when
        // multi-byte characters take them past 127 bytes: moved up a byte).
        if (value.Length < 0x80)
        {
            var span = _buffer.GetSpan(2 + value.Length * 3);
            var written = Encoding.UTF8.GetBytes(value, span[1..]);
            if (written < 0x80)
            {
                span[0] = (byte)written;
                _buffer.Advance(1 + written);
                return;
            }
            span.Slice(1, written).CopyTo(span[2..]);
            span[0] = (byte)((written & 0x7f) | 0x80);
            span[1] = (byte)(written >> 7);
            _buffer.Advance(2 + written);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        var count = (uint)length;
        do
        {
            WriteByte((byte)(count < 0x80 ? count : (count & 0x7f) | 0x80));
            count >>= 7;
        }
        while (count != 0);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }
}

/// <summary>Reads what <see cref="RecordWriter"/> wrote; past the end or malformed → FormatException.</summary>
internal ref struct RecordReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public readonly bool AtEnd => _at == _bytes.Length;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => ReadByte() switch
    {
        0 => false,
        1 => true,
        _ => throw new FormatException("not a boolean in a cache record"),
    };

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public string ReadString() => Encoding.UTF8.GetString(ReadUtf8());

    /// <summary>What <see cref="RecordWriter.WriteBytes"/> wrote.</summary>
    public ReadOnlySpan<byte> ReadBytes() => Take(ReadCount());

    /// <summary>A string's bytes, without making the string.</summary>
    public ReadOnlySpan<byte> ReadUtf8()
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28) throw new FormatException("a string length too long in a cache record");
            var part = ReadByte();
            length |= (part & 0x7f) << shift;
            if (part < 0x80) break;
        }
        return Take(length);
    }

    /// <summary>A count of items to read: never negative, never more than the bytes left could hold.</summary>
    public int ReadCount()
    {
        var count = ReadInt32();
        if (count < 0 || count > _bytes.Length - _at) throw new FormatException("a count past the end of a static parse memo record");
        return count;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _bytes.Length - _at) throw new FormatException("a cache record cut short");
        var span = _bytes.Slice(_at, count);
        _at += count;
        return span;
    }
}

/// <summary>Comparisons of record bytes with strings.</summary>
internal static class RecordText
{
    // UTF-8 bytes equal to a string's text, without decoding them (paths, packages and hashes are mostly ASCII).
    internal static bool SameText(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length == text.Length)
        {
            var ascii = true;
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] >= 0x80 || text[i] >= 0x80)
                {
                    ascii = false;
                    break;
                }
                if (utf8[i] != text[i]) return false;
            }
            if (ascii) return true;
        }
        return Encoding.UTF8.GetString(utf8) == text;
    }
}
