using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Reads one project file as strict UTF-8. Only regular files are read: opening a FIFO blocks until
/// someone writes to it, so on Unix the file is opened non-blocking and skipped (with a warning)
/// unless it is seekable. A dangling symbolic link and undecodable bytes are errors at their
/// position instead of an exception or a silent U+FFFD.
/// </summary>
internal static class SourceFileReader
{
    /// <summary>Bytes; far above any hand-written model or schema file, small enough to refuse /dev/zero.</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    /// <summary>
    /// The text, or null when the file is skipped or broken: exactly then the reason is added to
    /// <paramref name="diagnostics"/> (FileDiscovery relies on it).
    /// </summary>
    public static SourceText? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        // The bytes only live until they are decoded: a buffer kept per thread, not an array per file.
        var buffer = t_buffer ??= new byte[InitialBufferBytes];
        int length;
        try
        {
            // Anything but a plain regular file (empty, a pipe, a device, /proc, too large, a read
            // error) comes back as 0 and takes the FileStream path, which reports it as before.
            // Linux only: the one platform it is tested on (as FileStamp's statx).
            if (OperatingSystem.IsLinux() && UnixFile.TryRead(fullPath, ref buffer, MaxBytes) is var direct and > 0)
                return Finish(buffer, direct, displayPath, diagnostics);
            using var stream = Open(fullPath);
            if (stream is null || !stream.CanSeek)
            {
                diagnostics.Add(DiagnosticCodes.ProjectInput.NotARegularFile(displayPath));
                return null;
            }
            if (ReadBounded(stream, ref buffer) is not { } read)
            {
                diagnostics.Add(DiagnosticCodes.ProjectInput.FileTooLarge(displayPath, MaxBytes));
                return null;
            }
            length = read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a file that cannot be opened can be a dangling link: no readlink per readable file.
            var info = new FileInfo(fullPath);
            if (info.LinkTarget is { } target && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
                diagnostics.Add(DiagnosticCodes.ProjectInput.DanglingSymlink(displayPath, target));
            else
                diagnostics.Add(DiagnosticCodes.ProjectInput.UnreadableFile(displayPath, e.Message));
            return null;
        }
        return Finish(buffer, length, displayPath, diagnostics);
    }

    private static SourceText? Finish(byte[] buffer, int length, string displayPath, DiagnosticBag diagnostics)
    {
        // A grown buffer is kept for the next file only while it stays small.
        if (buffer.Length <= MaxKeptBufferBytes) t_buffer = buffer;
        return Decode(buffer.AsSpan(0, length), displayPath, diagnostics);
    }

    private const int InitialBufferBytes = 64 * 1024;

    private const int MaxKeptBufferBytes = 4 * 1024 * 1024;

    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>Strict UTF-8 (a BOM is dropped); the first bad byte is reported at its line and column.</summary>
    internal static SourceText? Decode(ReadOnlySpan<byte> data, string displayPath, DiagnosticBag diagnostics)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) data = data[3..];
        if (Utf8.IsValid(data)) return new SourceText(displayPath, Encoding.UTF8.GetString(data));
        var chars = new char[data.Length];
        Utf8.ToUtf16(data, chars, out var goodBytes, out var goodChars, replaceInvalidSequences: false);
        // Show the line as the user's editor would (with U+FFFD), pointing at the bad byte.
        var shown = new SourceText(displayPath, Encoding.UTF8.GetString(data));
        diagnostics.Add(DiagnosticCodes.ProjectInput.InvalidUtf8(new SourceSpan(shown, goodChars, 1), data[goodBytes]));
        return null;
    }

    /// <summary>The number of bytes read into <paramref name="buffer"/> (grown as needed), or null past <see cref="MaxBytes"/>.</summary>
    private static int? ReadBounded(FileStream stream, ref byte[] buffer)
    {
        // The size the file says it has, read straight into the buffer (no extra read to look for
        // more: a syscall per file). A file that reports no size, as /proc does, is read in chunks.
        var length = stream.Length;
        if (length > MaxBytes) return null;
        if (length > buffer.Length) buffer = new byte[length];
        var total = 0;
        int n;
        if (length > 0)
        {
            while (total < length && (n = stream.Read(buffer, total, (int)length - total)) > 0) total += n;
            return total;
        }
        while ((n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
            if (total > MaxBytes) return null;
            if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxBytes + 1L));
        }
        return total;
    }

    /// <summary>A stream over the file; on Linux and macOS opened with O_NONBLOCK so a FIFO does not block.</summary>
    private static FileStream? Open(string path)
    {
        var nonBlock = OperatingSystem.IsLinux() ? 0x800 : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x4 : 0;
        if (nonBlock == 0) return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var fd = UnixFile.Open(path, nonBlock);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        return new FileStream(handle, FileAccess.Read, bufferSize: 0);
    }
}
