namespace ModelForge.Runner.Cli;

/// <summary>
/// As dbt: 0 success, 1 a node or check failed, 2 bad usage or a project that does not load; 130
/// (128 + SIGINT, what a shell reports for a Ctrl-C'd program) when Ctrl-C or SIGTERM stopped a run.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageOrProject = 2;
    public const int Cancelled = 130;
}
