using System.Runtime.InteropServices;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Reads a regular file on Linux with four system calls (open, lseek to the end for the
/// size, pread, close) and no objects: a project is ~10,700 files, and FileStream adds an fstat, two
/// more lseeks and a finalizable handle per file. Anything else (a file that cannot be opened or
/// read, an empty one, a pipe, a device, one past the size limit) is left to the caller's FileStream
/// path, so every problem is still reported by one piece of code, in its words. New files are made
/// the same way (<see cref="TryCreate"/>).
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
        var fd = Open(path, ONonBlock | OCloseOnExec);
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
        var fd = Open(path, ONonBlock | OCloseOnExec);
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

    /// <summary>What <see cref="TryCreate"/> did.</summary>
    public enum Creation
    {
        /// <summary>The file was made and holds the bytes.</summary>
        Created,
        /// <summary>A file is already there: nothing was done.</summary>
        Exists,
        /// <summary>Nothing is left behind; the caller's own way of writing will say what is wrong.</summary>
        NotDone,
    }

    /// <summary>
    /// Makes a new file at <paramref name="path"/> holding <paramref name="bytes"/> with four system calls (an
    /// exclusive open, a write, a statx of the descriptor, close), for a path whose folder this process has just
    /// made. .NET's open of an existing-or-new file adds an lseek and an fstat, and a finalizable handle, to each of
    /// ~19,400 compiled files at 10,000 models. <paramref name="stamp"/> is the file as written (null when statx
    /// cannot answer: stat it by path). Linux only: the open's mode is passed as a fixed argument, which Linux's
    /// calling conventions allow for a variadic function and Apple's do not. Elsewhere: NotDone.
    /// </summary>
    public static Creation TryCreate(string path, ReadOnlySpan<byte> bytes, out LinuxStat.Result? stamp)
    {
        stamp = null;
        if (!OperatingSystem.IsLinux() || !LinuxStat.Usable) return Creation.NotDone;
        int fd;
        try
        {
            fd = Open(path, OWriteOnly | OCreate | OExclusive | OCloseOnExec, 0x1B6 /* 0666, less the umask */);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Creation.NotDone;
        }
        if (fd < 0) return Marshal.GetLastPInvokeError() == EEXIST ? Creation.Exists : Creation.NotDone;
        var written = 0;
        while (written < bytes.Length)
        {
            var n = (int)PWrite(fd, ref MemoryMarshal.GetReference(bytes[written..]), bytes.Length - written, written);
            if (n > 0)
            {
                written += n;
                continue;
            }
            if (n < 0 && Marshal.GetLastPInvokeError() == EINTR) continue;
            // A full disk or the like: no half file stays; the caller's write fails the same way and reports it.
            Close(fd);
            Unlink(path);
            return Creation.NotDone;
        }
        stamp = LinuxStat.OfDescriptor(fd);
        Close(fd);
        return Creation.Created;
    }

    // Linux's values on x86-64 and arm64 alike.
    private const int OWriteOnly = 0x1, OCreate = 0x40, OExclusive = 0x80, ONonBlock = 0x800, OCloseOnExec = 0x80000;
    private const int EINTR = 4, EEXIST = 17;

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    private static partial nint PWrite(int fd, ref byte buffer, nint count, long offset);

    [LibraryImport("libc", EntryPoint = "unlink", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unlink(string path);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, ref byte buffer, nint count);

    /// <summary>
    /// libc's open: a descriptor, or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>. <paramref name="mode"/>
    /// is read only when <paramref name="flags"/> create a file (then on Linux only, see <see cref="TryCreate"/>).
    /// </summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode = 0);

    [DllImport("libc", EntryPoint = "lseek")]
    private static extern long LSeek(int fd, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "pread")]
    private static partial nint PRead(int fd, ref byte buffer, nint count, long offset);

    [DllImport("libc", EntryPoint = "close")]
    internal static extern int Close(int fd);
}
