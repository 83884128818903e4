using System.Diagnostics;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Reliability;

/// <summary>Standard output that cannot be written (a full disk, a closed descriptor) ends in a message and exit 1, not a stack trace.</summary>
public sealed class LostOutputTests
{
    [TestCase("> /dev/full", "No space left on device")]
    [TestCase(">&-", "Bad file descriptor")]
    public void Forge_says_its_output_was_lost_and_fails(string redirect, string reason)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet \"$0\" --help {redirect}");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "forge.dll"));
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.EqualTo(1), error);
        Assert.That(error, Does.StartWith($"error: forge could not write its output: {reason}\n  hint: "));
        Assert.That(error, Does.Not.Contain("   at "));
    }
}
