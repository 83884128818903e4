using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Analysis;

// The Runner's entry point to column-level lineage: the target's adapter picks the parser (DuckDB's
// json_serialize_sql, ScriptDom for SQL Server) and renders models when their compiled SQL is
// not given.
internal static class ProjectLineage
{
    // compiledSql: Compiled SQL by unique id; null renders every enabled model (no adapter: as `forge compile` does).
    // catalogColumns: Warehouse columns by unique id (catalog.json), when read.
    // cacheFile: The lineage cache (target/forge_lineage_cache.bin) to reuse and rewrite; null analyses everything.
    // loading: the cache at cacheFile, already being read (LoadCache), else it is read here.
    public static LineageResult Build(CompiledProject project, IReadOnlyDictionary<string, string>? compiledSql = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns = null, string? cacheFile = null, Task<LineageCache>? loading = null)
    {
        var diagnostics = new List<Diagnostic>();
        compiledSql ??= Render(project, diagnostics);
        var parser = ParserFor(project);
        var cache = cacheFile is null ? null : loading?.Result ?? LineageCache.Load(cacheFile, LineageCache.StampFor(parser));
        var result = ColumnLineageBuilder.Build(project, compiledSql, parser, catalogColumns, cache);
        PhaseTimings.Mark("lineage: analyse");
        if (cache is not null)
        {
            cache.Save(cacheFile!);
            PhaseTimings.Mark($"lineage: cache ({cache.Reused} reused)");
        }
        if (diagnostics.Count == 0) return result;
        return result with { Diagnostics = [.. diagnostics, .. result.Diagnostics] };
    }

    // Reads the lineage cache on another thread (megabytes at 10,000 models), e.g. while the models compile; readAhead
    // gives the cache if it was already read (path, stamp).
    public static Task<LineageCache> LoadCache(CompiledProject project, string cacheFile, Func<string, string, LineageCache?>? readAhead = null) =>
        Task.Run(() =>
        {
            var stamp = LineageCache.StampFor(ParserFor(project));
            return readAhead?.Invoke(cacheFile, stamp) ?? LineageCache.Load(cacheFile, stamp);
        });

    // The target's runner adapter picks the parser; a target without one gets DuckDB's, which needs no connection.
    public static IQueryParser ParserFor(CompiledProject project) =>
        Connections.Adapters.RunnerAdapters.Find(project.Project.Target)?.LineageParser(project.Project.Target) ?? new DuckDbQueryParser();

    internal static Dictionary<string, string> Render(CompiledProject project, List<Diagnostic> diagnostics)
    {
        var models = project.OfType(ResourceType.Model).Where(n => n.HasTemplate).ToList();
        var texts = new string?[models.Count];
        var errors = new Diagnostic?[models.Count];
        using var compiler = new ThreadLocal<NodeCompiler>(() => new NodeCompiler(project));
        ParallelLoop.For(models.Count, i =>
        {
            try
            {
                texts[i] = compiler.Value!.Render(models[i]).Text;
            }
            catch (DiagnosticException e)
            {
                errors[i] = e.Diagnostic;
            }
        });
        diagnostics.AddRange(errors.OfType<Diagnostic>());
        var sql = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < models.Count; i++)
        {
            if (texts[i] is { } text) sql[models[i].UniqueId] = text;
        }
        return sql;
    }
}
