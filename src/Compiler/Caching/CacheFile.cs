using System.Text;

namespace ModelForge.Compiler.Caching;

/// <summary>
/// The files forge keeps in target/ between runs (compile cache, lineage cache, invocation memos):
/// a header of magic, format and stamp, then a body. Written to a temporary file and renamed, so a
/// reader never sees half a file; anything that does not read cleanly is "no file", never an error.
/// </summary>
internal static class CacheFile
{
    /// <summary>The body read by <paramref name="read"/>, or null when the file is missing, foreign, stale or damaged.</summary>
    public static T? TryRead<T>(string path, string magic, int format, string stamp, Func<BinaryReader, T> read) where T : class =>
        TryRead(path, magic, format, written => written == stamp, (reader, _) => read(reader));

    /// <summary>
    /// As <see cref="TryRead{T}(string, string, int, string, Func{BinaryReader, T})"/>, for a reader that learns the stamp
    /// from the file: any stamp <paramref name="accepts"/> takes is read, and handed to <paramref name="read"/>.
    /// </summary>
    public static T? TryRead<T>(string path, string magic, int format, Func<string, bool> accepts, Func<BinaryReader, string, T> read) where T : class
    {
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            // Visible, so that a body may keep slices of the file's one read (Slice).
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), Encoding.UTF8);
            if (reader.ReadString() != magic || reader.ReadInt32() != format || reader.ReadString() is not { } stamp || !accepts(stamp)) return null;
            return read(reader, stamp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException
                                       or ArgumentException or OverflowException or OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> bytes of a reader given by <see cref="TryRead{T}"/>, as a slice of the file's
    /// read rather than a copy; an EndOfStreamException (a damaged file: none) when fewer are left.
    /// </summary>
    public static ReadOnlyMemory<byte> Slice(BinaryReader reader, int count)
    {
        if (reader.BaseStream is not MemoryStream stream || !stream.TryGetBuffer(out var buffer)) return reader.ReadBytes(count);
        var at = (int)stream.Position;
        if (count < 0 || count > buffer.Count - at) throw new EndOfStreamException();
        stream.Position = at + count;
        return new ReadOnlyMemory<byte>(buffer.Array, buffer.Offset + at, count);
    }

    /// <summary>Writes header and body atomically; false when it could not (only the cache is lost).</summary>
    public static bool TryWrite(string path, string magic, int format, string stamp, Action<BinaryWriter> write)
    {
        // A name of its own, created new: two commands saving the same cache at once each write a whole file (the last
        // rename wins) without depending on a file lock, which forge turns off (Runner.csproj).
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            // A 64 KB buffer: bodies are megabytes of small fields (File.Create's 4 KB made a write call per 4 KB).
            using (var writer = new BinaryWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), Encoding.UTF8))
            {
                writer.Write(magic);
                writer.Write(format);
                writer.Write(stamp);
                write(writer);
            }
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(temporary);
            return false;
        }
    }

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be removed still fails verification against what it describes.
        }
    }
}
