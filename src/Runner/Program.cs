using ModelForge.Runner.Cli;

namespace ModelForge.Runner;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl-C: cancel running queries and finish cleanly; a second one kills.
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };
        return ForgeCli.Run(args, CliEnvironment.FromConsole(cancellation.Token));
    }
}
