namespace ModelForge.Runner.Reporting;

/// <summary>How the console reporter writes: text (optionally coloured) or JSON events, and the debug log file.</summary>
internal sealed record ReporterOptions
{
    /// <summary>--log-format json: one JSON object per line instead of text.</summary>
    public bool Json { get; init; }

    /// <summary>ANSI colours; only when the output is a terminal and --no-color / NO_COLOR are absent.</summary>
    public bool Color { get; init; }

    /// <summary>target/forge.log: every line with full timestamp and thread, whatever the console format.</summary>
    public TextWriter? DebugLog { get; init; }

    public bool Timestamps { get; init; } = true;

    /// <summary>Lines below this level stay off the console (they still reach the debug log).</summary>
    public LogLevel Level { get; init; } = LogLevel.Info;
}
