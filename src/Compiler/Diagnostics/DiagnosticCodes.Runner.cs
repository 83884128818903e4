namespace ModelForge.Compiler.Diagnostics;

// Codes raised by the `forge` executable: CLI and project folders (MF19xx), execution and
// connections (MF5xxx).
public static partial class DiagnosticCodes
{
    public const string InvalidProjectName = "MF1901";
    public const string InitFolderNotEmpty = "MF1902";
    public const string CannotWriteFile = "MF1903";
    public const string BadCommandLine = "MF1904";

    public const string DatabaseError = "MF5001";
    public const string ConnectionFailed = "MF5002";
    public const string RenderFailedAtRun = "MF5003";
    public const string RunCancelled = "MF5004";
}
