namespace ModelForge.Runner.Reporting;

/// <summary>dbt's --log-level for the console, least to most severe; a line shows when its level is at least the chosen one.</summary>
internal enum LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
    None,
}
