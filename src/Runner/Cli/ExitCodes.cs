namespace ModelForge.Runner.Cli;

/// <summary>As dbt: 0 success, 1 a node or check failed, 2 bad usage or a project that does not load.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageOrProject = 2;
}
