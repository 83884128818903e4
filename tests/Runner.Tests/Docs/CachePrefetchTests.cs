using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Caching;
using ModelForge.Runner.Docs;
using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// Docs generate reads its caches while the project loads, from a folder guessed before the project file is read:
/// a cache is handed over only for the path and stamp the command works out, and only once.
/// </summary>
public sealed class CachePrefetchTests
{
    private string _target = null!;

    [SetUp]
    public void CreateTarget() => _target = Directory.CreateTempSubdirectory("forge-prefetch-").FullName;

    [TearDown]
    public void RemoveTarget() => Directory.Delete(_target, recursive: true);

    private static readonly string CompileStamp = CachedCompiler.BuildStamp + "duckdb";
    private static readonly string LineageStamp = LineageCache.BuildStamp + "some-parser|duckdb";

    private string CompilePath => Path.Combine(_target, CompileCache.FileName);

    private string LineagePath => Path.Combine(_target, LineageCache.FileName);

    private void WriteCaches()
    {
        CompileCache.Load(CompilePath, CompileStamp).Save(CompilePath);
        LineageCache.Empty(LineageStamp).Save(LineagePath);
    }

    [Test]
    public void A_cache_read_ahead_is_handed_over_once_for_its_path_and_stamp()
    {
        WriteCaches();
        var prefetch = CachePrefetch.Start(_target);
        prefetch.Completion.Wait();

        var compile = prefetch.TakeCompileCache(CompilePath, CompileStamp);
        var lineage = prefetch.TakeLineageCache(LineagePath, LineageStamp);

        Assert.That(compile?.Stamp, Is.EqualTo(CompileStamp));
        Assert.That(lineage?.Stamp, Is.EqualTo(LineageStamp));
        Assert.That(prefetch.TakeCompileCache(CompilePath, CompileStamp), Is.Null, "a second taker reads the file itself");
        Assert.That(prefetch.TakeLineageCache(LineagePath, LineageStamp), Is.Null);
    }

    [Test]
    public void A_cache_for_another_target_kind_is_not_handed_over()
    {
        WriteCaches();
        var prefetch = CachePrefetch.Start(_target);
        prefetch.Completion.Wait();

        Assert.That(prefetch.TakeCompileCache(CompilePath, CachedCompiler.BuildStamp + "sqlserver"), Is.Null);
        Assert.That(prefetch.TakeLineageCache(LineagePath, LineageCache.BuildStamp + "some-parser|tsql"), Is.Null);
    }

    [Test]
    public void A_wrong_guess_of_the_folder_hands_nothing_over()
    {
        WriteCaches();
        var elsewhere = Directory.CreateTempSubdirectory("forge-prefetch-elsewhere-").FullName;
        try
        {
            var prefetch = CachePrefetch.Start(elsewhere);
            prefetch.Completion.Wait();

            Assert.That(prefetch.TakeCompileCache(CompilePath, CompileStamp), Is.Null);
            Assert.That(prefetch.TakeLineageCache(LineagePath, LineageStamp), Is.Null);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Test]
    public void A_cache_written_by_another_build_is_not_read_ahead()
    {
        CompileCache.Load(CompilePath, "another-build|duckdb").Save(CompilePath);
        var prefetch = CachePrefetch.Start(_target);
        prefetch.Completion.Wait();

        Assert.That(prefetch.TakeCompileCache(CompilePath, "another-build|duckdb"), Is.Null);
        Assert.That(prefetch.TakeLineageCache(LineagePath, LineageStamp), Is.Null, "no file: nothing");
    }
}
