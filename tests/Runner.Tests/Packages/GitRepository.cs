using System.Diagnostics;

namespace ModelForge.Runner.Tests.Packages;

/// <summary>A bare git repository built with the real `git`, reachable by a file:// URL.</summary>
internal sealed class GitRepository : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "forge-git-" + Guid.NewGuid().ToString("N")[..10]);

    public GitRepository()
    {
        Directory.CreateDirectory(Work);
        Git(Work, "init", "--quiet", "--initial-branch=main");
        Git(Work, "config", "user.email", "t@example.com");
        Git(Work, "config", "user.name", "t");
    }

    private string Work => Path.Combine(_root, "work");

    private string Bare => Path.Combine(_root, "repo.git");

    public string Url => new Uri(Bare).AbsoluteUri;

    /// <summary>Writes files, commits them and pushes to the bare repository; returns the commit.</summary>
    public string Commit(Dictionary<string, string> files, string? tag = null)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(Work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Git(Work, "add", "-A");
        Git(Work, "commit", "--quiet", "-m", "change");
        if (tag is not null) Git(Work, "tag", tag);
        if (!Directory.Exists(Bare)) Git(_root, "clone", "--quiet", "--bare", Work, Bare);
        else Git(Work, "push", "--quiet", "--tags", Bare, "main");
        return Git(Work, "rev-parse", "HEAD").Trim();
    }

    private static string Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
