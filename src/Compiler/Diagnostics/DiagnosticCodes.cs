namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic code, one range per stage: MF1xxx project and YAML, MF2xxx templating,
/// MF3xxx graph, MF4xxx SQL analysis, MF5xxx execution and connections. Each stage keeps its
/// codes in its own partial file (DiagnosticCodes.Stage.cs) next to nothing else.
/// </summary>
public static partial class DiagnosticCodes;
