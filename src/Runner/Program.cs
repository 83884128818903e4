using System.Runtime.InteropServices;
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
        // SIGTERM (docker stop, kill, CI timeouts) gets the same orderly stop as Ctrl-C: no node
        // half-reported, no helper relation left, run_results.json written. A second SIGTERM kills.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            if (cancellation.IsCancellationRequested) return;
            context.Cancel = true;
            cancellation.Cancel();
        });
        return ForgeCli.Run(args, CliEnvironment.FromConsole(cancellation.Token));
    }
}
