using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>
/// On every fixture project under tests/fixtures, a compile that reuses the cache writes exactly
/// the bytes a compile without it writes, also after the inputs change between the two.
/// </summary>
public sealed class CachedOutputTests
{
    private static IEnumerable<string> Fixtures() =>
        Directory.EnumerateDirectories(RepositoryRoot.Resolve("tests/fixtures"))
            .Select(path => "tests/fixtures/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Fixtures))]
    public void Cached_and_uncached_compiles_write_the_same_files(string fixture)
    {
        using var project = Copy(fixture);
        var cold = Compile(project);
        var reused = Compile(project);
        // Not all: a model that queries the database or reads the clock is rendered every time.
        Assert.That(reused.Error, Does.Match("reused [1-9]"), "the second compile reuses renders");
        var afterReuse = CompiledFiles(project);

        Clean(project);
        Compile(project);
        Assert.That(CompiledFiles(project), Is.EqualTo(afterReuse));
        Assert.That(cold.ExitCode, Is.EqualTo(0));

        // Changed inputs (a var): the cache-assisted compile equals a compile from nothing.
        Compile(project, "--vars", "{min_orders: 3}");
        var incremental = CompiledFiles(project);
        Clean(project);
        Compile(project, "--vars", "{min_orders: 3}");
        Assert.That(CompiledFiles(project), Is.EqualTo(incremental));
    }

    private static ForgeResult Compile(TempProject project, params string[] args)
    {
        var result = project.Forge(["compile", .. args]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private static void Clean(TempProject project)
    {
        Directory.Delete(Path.Combine(project.Root, "target/compiled"), recursive: true);
        File.Delete(Path.Combine(project.Root, "target/forge_compile_cache.bin"));
    }

    private static SortedDictionary<string, string> CompiledFiles(TempProject project)
    {
        var root = Path.Combine(project.Root, "target/compiled");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(root, file)] = Convert.ToBase64String(File.ReadAllBytes(file));
        return files;
    }

    private static TempProject Copy(string fixture)
    {
        var project = new TempProject("fixture").WithEnvironment("FORGE_CACHE_TRACE", "1");
        var source = RepositoryRoot.Resolve(fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("expected/", StringComparison.Ordinal) || relative.StartsWith("target/", StringComparison.Ordinal)) continue;
            project.With(relative, File.ReadAllText(file));
        }
        return project;
    }
}
