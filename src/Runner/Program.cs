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
        // Console lines are written in batches off the threads that print them; what is left is
        // written when the command returns (disposing the writer), before the process exits.
        using var output = new Reporting.BatchingWriter(Console.OpenStandardOutput(), Console.OutputEncoding);
        var error = new Reporting.OrderedWriter(Console.Error, output);
        // A crash still shows every line printed before it (a using block's end may not run then).
        AppDomain.CurrentDomain.UnhandledException += (_, _) => output.Flush();
        return ForgeCli.Run(args, CliEnvironment.FromConsole(cancellation.Token, output, error));
    }
}
