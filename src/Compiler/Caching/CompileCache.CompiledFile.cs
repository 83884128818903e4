using Microsoft.Win32.SafeHandles;

namespace ModelForge.Compiler.Caching;

internal sealed partial class CompileCache
{
    /// <summary>The compiled file as the cache recorded it: same size, same write time.</summary>
    private static class CompiledFile
    {
        /// <summary>
        /// Whether <paramref name="file"/> still has <paramref name="length"/> and <paramref name="writtenTicks"/>;
        /// with <paramref name="read"/>, its bytes, read on the handle that was checked (one open, no second stat).
        /// </summary>
        public static bool Matches(string file, long length, long writtenTicks, bool read, out byte[]? bytes)
        {
            bytes = null;
            try
            {
                if (!read)
                {
                    var info = new FileInfo(file);
                    return info.Exists && info.Length == length && info.LastWriteTimeUtc.Ticks == writtenTicks;
                }
                using var handle = File.OpenHandle(file);
                if (RandomAccess.GetLength(handle) != length || File.GetLastWriteTimeUtc(handle).Ticks != writtenTicks) return false;
                bytes = ReadAll(handle, length);
                return bytes is not null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        // Null when the file turned out shorter than it was a moment ago (changed under us: render again).
        private static byte[]? ReadAll(SafeFileHandle handle, long length)
        {
            var bytes = new byte[length];
            var done = 0;
            while (done < bytes.Length)
            {
                var count = RandomAccess.Read(handle, bytes.AsSpan(done), done);
                if (count == 0) return null;
                done += count;
            }
            return bytes;
        }
    }
}
