using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// The repository's demo project copied to a temporary folder, seeded, run and documented once,
/// so browser tests look at the site a user of the demo gets.
/// </summary>
internal static class DemoSite
{
    private static readonly string[] ProjectEntries = ["forge_project.yml", "profiles.yml", "models", "macros", "seeds", "snapshots", "data-tests", "analyses"];
    private static readonly Lazy<TempProject> Project = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static TempProject Demo => Project.Value;

    public static string IndexUrl => new Uri(Path.Combine(Demo.Root, "target", "docs", "index.html")).AbsoluteUri;

    /// <summary>Deletes the demo copy, if a test built it.</summary>
    public static void Dispose()
    {
        if (Project.IsValueCreated) Project.Value.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelForge.sln")) && File.Exists(Path.Combine(dir.FullName, "forge_project.yml"))) return dir.FullName;
        }
        throw new InvalidOperationException("the tests run outside the repository: no ModelForge.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh copy of the demo project, nothing built; the caller disposes it.</summary>
    public static TempProject Copy()
    {
        var project = new TempProject("bikeshare");
        var root = RepositoryRoot();
        foreach (var entry in ProjectEntries)
        {
            var source = Path.Combine(root, entry);
            if (File.Exists(source)) File.Copy(source, Path.Combine(project.Root, entry));
            else if (Directory.Exists(source)) CopyDirectory(source, Path.Combine(project.Root, entry));
        }
        return project;
    }

    private static TempProject Build()
    {
        var project = Copy();
        foreach (var command in new[] { new[] { "seed" }, ["run"], ["docs", "generate"] })
        {
            var result = project.Forge(command);
            Assert.That(result.ExitCode, Is.EqualTo(0), $"forge {string.Join(' ', command)} on the demo project failed:\n{result}");
        }
        return project;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
