namespace ModelForge.Runner.Reporting;

/// <summary>The few ANSI colour escapes the console reporter uses (only on a terminal).</summary>
internal static class Ansi
{
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Red = "\u001b[31m";
    public const string Reset = "\u001b[0m";
}
