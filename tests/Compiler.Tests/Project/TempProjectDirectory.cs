using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>A project written into a fresh temp folder, deleted on dispose.</summary>
internal sealed class TempProjectDirectory : IDisposable
{
    public TempProjectDirectory(string projectYaml = "name: shop\n")
    {
        Root = Path.Combine(Path.GetTempPath(), "forge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Home = Path.Combine(Root, "_home");
        Directory.CreateDirectory(Home);
        if (projectYaml.Length > 0) Write("forge_project.yml", projectYaml);
    }

    public string Root { get; }

    /// <summary>An empty home folder, so the machine's ~/.forge never leaks into a test.</summary>
    public string Home { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public TempProjectDirectory Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public ProjectLoadOptions Options(string? target = null, string? profilesDir = null, IYamlValueRenderer? renderer = null,
        IReadOnlyDictionary<string, object?>? cliVars = null, Action<TargetProfile>? targetResolved = null) => new()
    {
        ProjectDirectory = Root,
        ProfilesDirectory = profilesDir,
        TargetName = target,
        Environment = name => Environment.GetValueOrDefault(name),
        HomeDirectory = Home,
        Renderer = renderer,
        CliVars = cliVars ?? new Dictionary<string, object?>(),
        TargetResolved = targetResolved,
    };

    public (LoadedProject? Project, IReadOnlyList<Diagnostic> Diagnostics) Load(ProjectLoadOptions? options = null)
    {
        var bag = new DiagnosticBag();
        var project = ProjectLoader.Load(options ?? Options(), bag);
        return (project, bag.ToList());
    }

    /// <summary>Loads and fails the test on any diagnostic.</summary>
    public LoadedProject LoadClean(ProjectLoadOptions? options = null)
    {
        var (project, diagnostics) = Load(options);
        Assert.That(diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(project, Is.Not.Null);
        return project!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
