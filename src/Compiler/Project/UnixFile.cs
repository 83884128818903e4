using System.Runtime.InteropServices;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Reads a regular file on Linux with four system calls (open, lseek to the end for the
/// size, pread, close) and no objects: a project is ~10,700 files, and FileStream adds an fstat, two
/// more lseeks and a finalizable handle per file. Anything else (a file that cannot be opened or
/// read, an empty one, a pipe, a device, one past the size limit) is left to the caller's FileStream
/// path, so every problem is still reported by one piece of code, in its words.
/// </summary>
internal static partial class UnixFile
{
    private const int SeekEnd = 2;

    /// <summary>
    /// The number of bytes read into <paramref name="buffer"/> (grown as needed), or 0 when the
    /// caller must read the file itself.
    /// </summary>
    public static int TryRead(string path, ref byte[] buffer, int maxBytes)
    {
        // O_RDONLY | O_NONBLOCK | O_CLOEXEC: opening a FIFO must not wait for a writer (its lseek then
        // fails), and a process started meanwhile (git for packages) must not inherit the descriptor.
        var fd = Open(path, 0x800 | 0x80000);
        if (fd < 0) return 0;
        try
        {
            var size = LSeek(fd, 0, SeekEnd);
            if (size <= 0 || size > maxBytes) return 0;
            if (size > buffer.Length) buffer = new byte[size];
            var total = 0;
            while (total < size)
            {
                var n = (int)PRead(fd, ref buffer[total], (nint)(size - total), total);
                // EISDIR and friends: the caller's path says what is wrong.
                if (n < 0) return 0;
                // A file that shrank since its size was read: what is there, as FileStream would.
                if (n == 0) break;
                total += n;
            }
            return total == 0 ? 0 : total;
        }
        finally
        {
            Close(fd);
        }
    }

    /// <summary>
    /// The whole of a file the system gives no size for (/proc, /sys), read to its end into <paramref name="buffer"/>
    /// (grown as needed, up to <paramref name="maxBytes"/>): the number of bytes, or -1 when it cannot be opened or read
    /// or is larger.
    /// </summary>
    public static int TryReadToEnd(string path, ref byte[] buffer, int maxBytes)
    {
        var fd = Open(path, 0x800 | 0x80000);
        if (fd < 0) return -1;
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length >= maxBytes) return -1;
                    Array.Resize(ref buffer, Math.Min(maxBytes, Math.Max(4096, buffer.Length * 2)));
                }
                var n = (int)Read(fd, ref buffer[total], buffer.Length - total);
                if (n < 0) return -1;
                if (n == 0) return total;
                total += n;
            }
        }
        finally
        {
            Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, ref byte buffer, nint count);

    /// <summary>libc's open: a descriptor, or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>.</summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "lseek")]
    private static extern long LSeek(int fd, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "pread")]
    private static partial nint PRead(int fd, ref byte buffer, nint count, long offset);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
