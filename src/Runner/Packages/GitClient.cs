using System.ComponentModel;
using System.Diagnostics;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Packages;

/// <summary>Clones and checks out git packages with the `git` command line, never prompting for credentials.</summary>
internal sealed class GitClient(SecretScrubber scrubber)
{
    /// <summary>Clones <paramref name="url"/> into <paramref name="destination"/> at <paramref name="revision"/>; returns the commit.</summary>
    public string Checkout(string url, string revision, string destination, string display, SourceSpan? span, CancellationToken cancellation)
    {
        Run(["clone", "--quiet", "--no-checkout", url, destination], null, "clone", display, span, cancellation);
        var target = revision == "HEAD" ? "HEAD" : revision;
        // A branch exists only as origin/<branch> after cloning; tags and commits resolve directly.
        var commit = TryRun(["rev-parse", "--verify", "--quiet", $"origin/{target}^{{commit}}"], destination, cancellation)
            ?? TryRun(["rev-parse", "--verify", "--quiet", $"{target}^{{commit}}"], destination, cancellation);
        if (commit is null)
        {
            // A commit that no branch or tag leads to: ask the server for it, as dbt does for a pinned SHA.
            TryRun(["fetch", "--quiet", "origin", target], destination, cancellation);
            commit = TryRun(["rev-parse", "--verify", "--quiet", "FETCH_HEAD^{commit}"], destination, cancellation);
        }
        if (commit is null)
            throw new DiagnosticException(DiagnosticCodes.Packages.GitFailed(span, display, $"find revision '{revision}' in", "no branch, tag or commit has that name"));
        Run(["checkout", "--quiet", "--detach", commit], destination, "check out " + revision + " of", display, span, cancellation);
        return commit;
    }

    private void Run(string[] arguments, string? folder, string what, string display, SourceSpan? span, CancellationToken cancellation)
    {
        var (code, output) = Execute(arguments, folder, cancellation);
        if (code != 0) throw new DiagnosticException(DiagnosticCodes.Packages.GitFailed(span, display, what, scrubber.Scrub(output.Trim())));
    }

    private static string? TryRun(string[] arguments, string folder, CancellationToken cancellation)
    {
        var (code, output) = Execute(arguments, folder, cancellation);
        return code == 0 && output.Trim() is { Length: > 0 } text ? text.Split('\n')[0].Trim() : null;
    }

    private static (int Code, string Output) Execute(string[] arguments, string? folder, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (folder is not null) start.WorkingDirectory = folder;
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_ASKPASS"] = "";
        try
        {
            using var process = Process.Start(start)!;
            using var registration = cancellation.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            process.WaitForExit();
            cancellation.ThrowIfCancellationRequested();
            return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
        catch (Win32Exception)
        {
            throw new DiagnosticException(Diagnostic.Error(DiagnosticCodes.Packages.GitFailedCode, "the `git` command was not found",
                hint: "install git and make sure it is on PATH; forge deps uses it for git packages"));
        }
    }
}
