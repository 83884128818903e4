using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution;

/// <summary>
/// Writes files under the target folder; an unwritable path becomes a diagnostic, not a crash.
/// Writing thousands of compiled files is most of a compile's cost, so each file costs as few
/// system calls as can be: one open that creates it or finds it, its length from the handle, one
/// write. A file whose bytes are already those is left alone (its time too: the compile cache
/// checks it). Callers writing many files create their folders first (<see cref="CreateFolders"/>);
/// otherwise a folder is created when a write finds it missing, so existing folders cost nothing.
/// A file in a folder just made cannot exist yet: it is created outright (<see cref="UnixFile.TryCreate"/>).
/// </summary>
internal static class ArtifactFiles
{
    /// <summary>Null on success; otherwise the error to report.</summary>
    public static Diagnostic? TryWrite(string projectRoot, string relativePath, string text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            return TryWrite(projectRoot, relativePath, bytes.AsSpan(0, length), stamp: false, out _);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// As <see cref="TryWrite(string, string, string)"/>, for text already encoded as UTF-8; on success
    /// <paramref name="written"/> is the file's length and last write time as they stand after the
    /// write, read from the handle written through (the compile cache records them; a second stat by
    /// path would walk the path again). Null when the file had to be replaced instead (a read-only
    /// file): stat it by path then. <paramref name="isNew"/>: the file's folder was just made
    /// (<see cref="CreateFolders"/>), so the file is created outright, with fewer system calls.
    /// </summary>
    public static Diagnostic? TryWrite(string projectRoot, string relativePath, ReadOnlySpan<byte> utf8, out WrittenFile? written, bool isNew = false) =>
        TryWrite(projectRoot, relativePath, utf8, stamp: true, out written, isNew);

    private static Diagnostic? TryWrite(string projectRoot, string relativePath, ReadOnlySpan<byte> bytes, bool stamp, out WrittenFile? written, bool isNew = false)
    {
        written = null;
        var path = Path.Combine(projectRoot, relativePath);
        try
        {
            try
            {
                // Anything but a clean creation (a file there after all, an error) takes the ordinary way, which reports what is wrong.
                if (isNew && UnixFile.TryCreate(path, bytes, out var created) == UnixFile.Creation.Created)
                {
                    written = stamp && created is { } made ? new WrittenFile(made.Length, made.Ticks) : null;
                    return null;
                }
                written = WriteIfChanged(path, bytes, stamp);
            }
            catch (UnauthorizedAccessException) when (File.Exists(path))
            {
                // A read-only file in a writable folder: replaced whole, as a move over it may.
                AtomicFile.WriteAllBytes(path, bytes);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unwritable(relativePath, e);
        }
    }

    /// <summary>
    /// Creates, once each, the folders the files at <paramref name="relativePaths"/> go to, so that
    /// parallel writers never race to create one nor pay a failed open first. A folder that cannot
    /// be made is left to the write of its first file, which reports it. Returns, per path, whether
    /// its folder was made here: no file can be in it yet, so its write may create the file outright
    /// (the isNew of <see cref="TryWrite(string, string, ReadOnlySpan{byte}, out WrittenFile?, bool)"/>).
    /// </summary>
    public static bool[] CreateFolders(string projectRoot, IReadOnlyList<string> relativePaths)
    {
        var fresh = new bool[relativePaths.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var made = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < relativePaths.Count; i++)
        {
            if (Path.GetDirectoryName(relativePaths[i]) is not { Length: > 0 } folder) continue;
            if (seen.Add(folder)) Make(projectRoot, folder, made);
            fresh[i] = made.Contains(folder);
        }
        return fresh;
    }

    // Makes the folder and whichever of its parents are missing, adding each to made: a parent made for an
    // earlier folder (a model's compiled folder holds its tests' folder) is as new as that folder.
    private static void Make(string projectRoot, string folder, HashSet<string> made)
    {
        if (made.Contains(folder)) return;
        var missing = new List<string>();
        for (var at = folder; at.Length > 0 && !made.Contains(at) && !Directory.Exists(Path.Combine(projectRoot, at)); at = Path.GetDirectoryName(at) ?? "")
            missing.Add(at);
        if (missing.Count == 0) return;
        try
        {
            Directory.CreateDirectory(Path.Combine(projectRoot, folder));
            made.UnionWith(missing);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported by the first write into it, with the file's path.
        }
    }

    public static Diagnostic Unwritable(string relativePath, Exception e) =>
        Diagnostic.Error(DiagnosticCodes.CannotWriteFile, $"cannot write {relativePath}: {e.Message}",
            hint: "check that the target path (target-path in the project file) is writable") with { FilePath = relativePath };

    private static WrittenFile? WriteIfChanged(string path, ReadOnlySpan<byte> bytes, bool stamp)
    {
        using var file = Open(path);
        var existing = RandomAccess.GetLength(file);
        if (existing == bytes.Length && HoldsAlready(file, bytes)) return Stamp(file, bytes.Length, stamp);
        try
        {
            RandomAccess.Write(file, bytes, 0);
            if (existing > bytes.Length) RandomAccess.SetLength(file, bytes.Length);
            return Stamp(file, bytes.Length, stamp);
        }
        catch (IOException)
        {
            // A full disk mid-write: no half file is left for `forge run` or the compile cache to trust.
            file.Dispose();
            TryDelete(path);
            throw;
        }
    }

    // After the last write through the handle, so the time is the one a later stat of the path sees.
    private static WrittenFile? Stamp(SafeFileHandle file, long length, bool stamp) =>
        stamp ? new WrittenFile(length, File.GetLastWriteTimeUtc(file).Ticks) : null;

    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            // The first file of its folder (or the folder was removed since): create it, once. .NET
            // reports a missing folder as a missing file when another thread created the folder
            // between the open and its check; OpenOrCreate fails for no other missing file.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        }
    }

    private static bool HoldsAlready(SafeFileHandle file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return true;
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            var read = 0;
            while (read < bytes.Length)
            {
                var n = RandomAccess.Read(file, buffer.AsSpan(read, bytes.Length - read), read);
                if (n == 0) return false;
                read += n;
            }
            return buffer.AsSpan(0, bytes.Length).SequenceEqual(bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write's own error is the one reported.
        }
    }
}
