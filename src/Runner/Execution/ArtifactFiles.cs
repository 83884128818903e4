using System.Collections.Concurrent;
using System.Text;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Execution;

/// <summary>
/// Writes files under the target folder; an unwritable path becomes a diagnostic, not a crash.
/// Writing thousands of compiled files is most of a compile's cost, so a file whose content is
/// already on disk is left alone and each folder is created once per process.
/// </summary>
internal static class ArtifactFiles
{
    private static readonly ConcurrentDictionary<string, bool> CreatedFolders = new(StringComparer.Ordinal);

    /// <summary>Null on success; otherwise the error to report.</summary>
    public static Diagnostic? TryWrite(string projectRoot, string relativePath, string text)
    {
        var path = Path.Combine(projectRoot, relativePath);
        try
        {
            var folder = Path.GetDirectoryName(path)!;
            if (!CreatedFolders.ContainsKey(folder) || !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                CreatedFolders[folder] = true;
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            if (!IsUnchanged(path, bytes)) AtomicFile.WriteAllBytes(path, bytes);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unwritable(relativePath, e);
        }
    }

    public static Diagnostic Unwritable(string relativePath, Exception e) =>
        Diagnostic.Error(DiagnosticCodes.CannotWriteFile, $"cannot write {relativePath}: {e.Message}",
            hint: "check that the target path (target-path in the project file) is writable") with { FilePath = relativePath };

    private static bool IsUnchanged(string path, byte[] bytes)
    {
        var existing = new FileInfo(path);
        if (!existing.Exists || existing.Length != bytes.Length) return false;
        return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }
}
