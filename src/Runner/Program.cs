using System.Runtime.InteropServices;
using ModelForge.Runner.Cli;

namespace ModelForge.Runner;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Before anything allocates much: the heap's first touches then take 2 MB pages (GcHugePages.cs).
        var hugePages = GcHugePages.Prepare(Environment.GetEnvironmentVariable);
        // Then no collection in the first 80 MB: an incremental compile allocates less, and keeps most of it (GcStartRegion.cs).
        var startRegion = GcStartRegion.Start(Environment.GetEnvironmentVariable);
        // Then the memo's stats, which run beside everything below (Memo/MemoPrefetch.cs).
        var prefetch = Memo.MemoPrefetch.Start(args, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);
        ModelForge.Compiler.Diagnostics.PhaseTimings.Note($"huge pages: {hugePages.Detail}");
        ModelForge.Compiler.Diagnostics.PhaseTimings.Note($"GC start region: {startRegion}");
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
        var output = new Reporting.BatchingWriter(Console.OpenStandardOutput(), Console.OutputEncoding);
        var error = new Reporting.OrderedWriter(Console.Error, output);
        // A crash still shows every line printed before it (a using block's end may not run then).
        AppDomain.CurrentDomain.UnhandledException += (_, _) => output.Flush();
        var code = ForgeCli.Run(args, CliEnvironment.FromConsole(cancellation.Token, output, error) with { MemoPrefetch = prefetch });
        output.Dispose();
        return output.Failure is { } failure ? ReportLostOutput(failure, code) : code;
    }

    // Standard output closed, on a full disk or a pipe whose reader left: the command itself ran,
    // but what it printed is lost, so a success would mislead a script that reads it.
    private static int ReportLostOutput(string failure, int code)
    {
        try
        {
            Console.Error.WriteLine($"error: forge could not write its output: {failure}\n" +
                "  hint: check where standard output goes: it was closed, or its disk is full");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Standard error is gone too: the exit code is all that is left to say it.
        }
        return code == ExitCodes.Success ? ExitCodes.Failure : code;
    }
}
