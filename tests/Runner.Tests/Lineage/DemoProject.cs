using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>The repository root's demo project, loaded and compiled once per test run; or any project folder.</summary>
internal static class DemoProject
{
    private static readonly Lazy<CompiledProject> Compiled = new(Compile);

    public static CompiledProject Project => Compiled.Value;

    private static CompiledProject Compile() => Load(FindRoot());

    /// <summary>Loads and compiles the project in <paramref name="root"/> (profiles.yml there, or the default DuckDB target).</summary>
    public static CompiledProject Load(string root)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(new ProjectLoadOptions
        {
            ProjectDirectory = root,
            // An explicit --profiles-dir must hold profiles.yml; without one the default target applies.
            ProfilesDirectory = File.Exists(Path.Combine(root, "profiles.yml")) ? root : null,
            Environment = _ => null,
            HomeDirectory = root,
            Renderer = new YamlTemplateRenderer(new Dictionary<string, object?>(), Environment.GetEnvironmentVariable),
        }, diagnostics);
        var compiled = loaded is null ? null : ProjectCompiler.Compile(loaded, new CompileOptions(), diagnostics);
        Assert.That(compiled, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        return compiled!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelForge.sln")) && File.Exists(Path.Combine(dir.FullName, "forge_project.yml"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root (ModelForge.sln) not found above the test binaries");
    }
}
