namespace ModelForge.Compiler.Diagnostics;

// The graph stage: resolving ref()/source() and ordering nodes (MF3xxx).
public static partial class DiagnosticCodes
{
    public const string UnknownRef = "MF3001";
    public const string UnknownSource = "MF3002";
    public const string Cycle = "MF3003";
    public const string DisabledRef = "MF3004";
    public const string DuplicateNode = "MF3005";
    public const string AmbiguousRef = "MF3006";
}
