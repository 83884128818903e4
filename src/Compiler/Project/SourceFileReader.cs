using System.Buffers;
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

    /// <summary>The text, or null when the file is skipped or broken (the reason is in <paramref name="diagnostics"/>).</summary>
    public static SourceText? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            using var stream = Open(fullPath);
            if (stream is null || !stream.CanSeek)
            {
                diagnostics.Add(DiagnosticCodes.ProjectInput.NotARegularFile(displayPath));
                return null;
            }
            if (ReadBounded(stream) is not { } read)
            {
                diagnostics.Add(DiagnosticCodes.ProjectInput.FileTooLarge(displayPath, MaxBytes));
                return null;
            }
            bytes = read;
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
        return Decode(bytes, displayPath, diagnostics);
    }

    /// <summary>Strict UTF-8 (a BOM is dropped); the first bad byte is reported at its line and column.</summary>
    internal static SourceText? Decode(byte[] bytes, string displayPath, DiagnosticBag diagnostics)
    {
        ReadOnlySpan<byte> data = bytes;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) data = data[3..];
        if (Utf8.IsValid(data)) return new SourceText(displayPath, Encoding.UTF8.GetString(data));
        var chars = new char[data.Length];
        Utf8.ToUtf16(data, chars, out var goodBytes, out var goodChars, replaceInvalidSequences: false);
        // Show the line as the user's editor would (with U+FFFD), pointing at the bad byte.
        var shown = new SourceText(displayPath, Encoding.UTF8.GetString(data));
        diagnostics.Add(DiagnosticCodes.ProjectInput.InvalidUtf8(new SourceSpan(shown, goodChars, 1), data[goodBytes]));
        return null;
    }

    private static byte[]? ReadBounded(FileStream stream)
    {
        // The size the file says it has, read straight into its array, as File.ReadAllBytes does
        // (no extra read to look for more: a syscall per file). A file that reports no size, as
        // /proc does, is read in chunks.
        var length = stream.Length;
        if (length > MaxBytes) return null;
        var bytes = new byte[length];
        var total = 0;
        int n;
        while (total < bytes.Length && (n = stream.Read(bytes, total, bytes.Length - total)) > 0) total += n;
        if (length > 0) return total < bytes.Length ? bytes[..total] : bytes;

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxBytes) return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.Length > MaxBytes ? null : buffer.ToArray();
    }

    /// <summary>A stream over the file; on Linux and macOS opened with O_NONBLOCK so a FIFO does not block.</summary>
    private static FileStream? Open(string path)
    {
        var nonBlock = OperatingSystem.IsLinux() ? 0x800 : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x4 : 0;
        if (nonBlock == 0) return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var fd = OpenNative(path, nonBlock);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        return new FileStream(handle, FileAccess.Read, bufferSize: 0);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
