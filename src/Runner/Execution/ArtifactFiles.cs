using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Execution;

/// <summary>Writes files under the target folder; an unwritable path becomes a diagnostic, not a crash.</summary>
internal static class ArtifactFiles
{
    /// <summary>Null on success; otherwise the error to report.</summary>
    public static Diagnostic? TryWrite(string projectRoot, string relativePath, string text)
    {
        var path = Path.Combine(projectRoot, relativePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
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
}
