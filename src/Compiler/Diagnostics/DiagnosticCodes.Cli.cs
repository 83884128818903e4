namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>
    /// Command-line usage errors found before any project is read (MF1050–MF1059). Each is one line
    /// with a hint and exits 2; see src/Runner/Cli/UsageChecker.cs.
    /// </summary>
    internal static class Cli
    {
        public const string UnknownCommand = "MF1050";
        public const string UnknownOption = "MF1051";
        public const string BadOptionValue = "MF1052";
        public const string UnexpectedArgument = "MF1053";
        public const string MissingCommand = "MF1054";
        public const string MissingValue = "MF1055";
    }
}
