using System.Diagnostics;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Analysis;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Connections;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Docs;

/// <summary>
/// `forge docs generate`: compiles the project (writing compiled SQL and manifest.json), reads the
/// catalog from the warehouse (once per schema), and writes catalog.json and the site.
/// </summary>
/// <param name="readAhead">The caches as read while the project loaded, if the command started reading them.</param>
internal sealed class DocsGenerator(ProjectSession session, CliEnvironment environment, CachePrefetch? readAhead = null)
{
    public const string SiteFolder = "docs";

    public int Generate(bool emptyCatalog)
    {
        var clock = Stopwatch.StartNew();
        var project = session.Compiled!;
        var target = session.TargetDirectory;
        var failed = false;

        var lineageCache = Path.Combine(target, LineageCache.FileName);
        var loadingLineage = ProjectLineage.LoadCache(project, lineageCache, readAhead is null ? null : readAhead.TakeLineageCache);
        var graph = Task.Run(() => SiteGraph.Of(project));
        var compiled = Compile(project, out var compiledCode, out var compileErrors);
        PhaseTimings.Mark("docs: compile");
        DiagnosticPrinter.Print(environment.Error, compileErrors);
        failed |= compileErrors.Count > 0;

        var catalog = Catalog.Empty;
        var keepCatalog = false;
        if (!emptyCatalog)
        {
            var diagnostics = new DiagnosticBag();
            catalog = ReadCatalog(project, diagnostics);
            // A catalog that could not be read is not an empty warehouse: keep the last good file.
            keepCatalog = diagnostics.HasErrors && File.Exists(Path.Combine(target, "catalog.json"));
            if (keepCatalog)
                diagnostics.Add(DiagnosticCodes.Reliability.CatalogKept($"{session.Project.ProjectFile.TargetPath}/catalog.json", diagnostics.ToList().First(d => d.IsError).Message));
            DiagnosticPrinter.Print(environment.Error, diagnostics.ToList());
            failed |= diagnostics.HasErrors;
        }

        // Column lineage needs the warehouse's column lists (the catalog); it goes into the manifest's columns and column_lineage.json.
        var catalogColumns = catalog.Nodes.Values.Concat(catalog.Sources.Values)
            .ToDictionary(t => t.UniqueId, t => (IReadOnlyList<string>)t.Columns.Select(c => c.Name).ToList(), StringComparer.Ordinal);
        // The lineage is checked (or analysed) on another thread while the site's pages, Markdown and the SQL's search
        // words are built here: only the pages' columns and the artifacts wait for it. The artifacts start as soon as it
        // is known, and go to disk side by side while the site is completed and written: all of them only read the
        // project, the compiled SQL and the lineage.
        var analysing = Task.Run(() =>
        {
            var result = ProjectLineage.Build(project, compiled, catalogColumns, lineageCache, loadingLineage);
            var writing = WriteArtifacts(project, result.Models, compiledCode, catalog, keepCatalog);
            return (Result: result, Artifacts: writing, Site: ColumnLineageReader.From(result.Models));
        });
        var siteDiagnostics = new DiagnosticBag();
        var blocks = DocsBlocks.Collect(session.Project.WithPackages.Select(p => (p.Name, (IEnumerable<ProjectFileEntry>)p.Files.DocsFiles)), project.Engine, siteDiagnostics);
        var input = new DocsInput
        {
            Project = project,
            Catalog = catalog,
            CompiledSql = compiled,
            RunResults = RunResultsReader.ReadFile(Path.Combine(target, "run_results.json")),
            Graph = graph,
        };
        var builder = new SiteBuilder(input, blocks, siteDiagnostics);
        builder.BuildEntries();
        var (lineage, artifacts, siteLineage) = analysing.GetAwaiter().GetResult();
        DiagnosticPrinter.Print(environment.Error, lineage.Diagnostics);
        PhaseTimings.Mark("docs: column lineage");
        var content = builder.Complete(siteLineage);
        var site = Path.Combine(target, SiteFolder);
        var written = TryWriteSite(content, site, siteDiagnostics);
        PhaseTimings.Mark("docs: site");
        // As when they were written one after another, the first unwritable one is the error reported.
        if (artifacts.Select(a => a.Result).FirstOrDefault(d => d is not null) is { } unwritable)
        {
            DiagnosticPrinter.Print(environment.Error, [unwritable]);
            return ExitCodes.UsageOrProject;
        }
        PhaseTimings.Mark("docs: artifacts (rest)");
        DiagnosticPrinter.Print(environment.Error, siteDiagnostics.ToList());
        if (!written) return ExitCodes.UsageOrProject;

        var relative = session.Project.ProjectFile.TargetPath;
        environment.Output.WriteLine(keepCatalog ? $"Catalog not read; the previous {relative}/catalog.json was kept."
            : $"Catalog written to {relative}/catalog.json ({catalog.Nodes.Count + catalog.Sources.Count} relations).");
        environment.Output.WriteLine($"Docs site written to {relative}/{SiteFolder}/index.html in {clock.Elapsed.TotalSeconds:0.00}s; open it in a browser or run `forge docs serve`.");
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Builds and writes the site; false (with a diagnostic) when the folder is unwritable.</summary>
    public static bool TryWriteSite(DocsInput input, DocsBlocks blocks, string directory, DiagnosticBag diagnostics) =>
        TryWriteSite(new SiteBuilder(input, blocks, diagnostics).Build(), directory, diagnostics);

    private static bool TryWriteSite(SiteContent content, string directory, DiagnosticBag diagnostics)
    {
        try
        {
            SiteWriter.Write(directory, content);
            PhaseTimings.Mark("site: write");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCodes.Docs.SiteUnwritable(directory, e.Message));
            return false;
        }
    }

    /// <summary>
    /// Compiles models, analyses and tests as `forge compile` does, through its cache, so the site shows
    /// their SQL: an unchanged node's SQL is the cache's rather than rendered again.
    /// </summary>
    /// <param name="code">The same SQL as written (UTF-8), for the manifest: not encoded a second time.</param>
    private Dictionary<string, string> Compile(CompiledProject project, out CompiledCode code, out List<Diagnostic> errors)
    {
        var nodes = project.Order.Select(id => project.Nodes[id])
            .Where(n => n.ResourceType is ResourceType.Model or ResourceType.Analysis or ResourceType.Test && n.HasTemplate)
            .ToList();
        var outcomes = new CachedCompiler.Outcome[nodes.Count];
        var paths = new string[nodes.Count];
        var texts = new string?[nodes.Count];
        using (var compiler = new CachedCompiler(session, readAhead is null ? null : readAhead.TakeCompileCache))
        {
            // Validation failures are `forge compile`'s to report; here they only keep the node out of the cache.
            // Each node's path is made once and its SQL decoded to text here, on every core, rather than after, on one.
            ParallelLoop.For(nodes.Count, i =>
            {
                paths[i] = NodeCompiler.CompiledPath(project, nodes[i]);
                outcomes[i] = compiler.Compile(nodes[i], paths[i]);
                texts[i] = outcomes[i].Sql;
            });
            compiler.Save();
        }
        // Loops, not LINQ over the outcomes: each such generic method over a struct is compiled at run time in a precompiled forge.
        var rendered = new bool[nodes.Count];
        errors = [];
        for (var i = 0; i < nodes.Count; i++)
        {
            rendered[i] = outcomes[i].Rendered;
            errors.AddRange(outcomes[i].Errors);
        }
        CachedCompiler.Trace(environment, nodes, rendered);
        var compiled = new Dictionary<string, string>(nodes.Count, StringComparer.Ordinal);
        code = new CompiledCode(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (texts[i] is not { } text) continue;
            compiled[nodes[i].UniqueId] = text;
            code.Add(nodes[i], paths[i], text, outcomes[i].Bytes);
        }
        return compiled;
    }

    // manifest.json, column_lineage.json and catalog.json (unless kept), each on its own thread; each task's result is
    // the diagnostic of a file that could not be written.
    private Task<Diagnostic?>[] WriteArtifacts(CompiledProject project, IReadOnlyDictionary<string, ModelLineage> lineage, CompiledCode code, Catalog catalog, bool keepCatalog)
    {
        var id = project.Options.InvocationId;
        return
        [
            Task.Run(() =>
            {
                var clock = Stopwatch.StartNew();
                var unwritable = TryWriteArtifact("manifest.json", stream => ManifestWriter.Write(stream, project, id, DateTimeOffset.UtcNow, lineage, code));
                PhaseTimings.Beside("docs: manifest", clock.Elapsed);
                return unwritable;
            }),
            Task.Run(() => TryWriteArtifact("column_lineage.json", stream => ColumnLineageWriter.Write(stream, lineage, id, DateTimeOffset.UtcNow))),
            keepCatalog ? Task.FromResult<Diagnostic?>(null) : Task.Run(() => TryWriteArtifact("catalog.json", stream => CatalogWriter.Write(stream, catalog, id, DateTimeOffset.UtcNow))),
        ];
    }

    private Catalog ReadCatalog(CompiledProject project, DiagnosticBag diagnostics)
    {
        try
        {
            using var connection = ConnectionFactory.Open(session.Project.Target);
            return CatalogReader.Read(connection, ConnectionFactory.SqlFor(session.Project.Target), project, diagnostics);
        }
        catch (DiagnosticException e)
        {
            diagnostics.Add(e.Diagnostic);
            return Catalog.Empty;
        }
        catch (System.Data.Common.DbException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Reliability.CatalogUnreadableCode, $"cannot read the catalog: {e.Message}",
                hint: "check that no other process holds the database and that the profile points at it"));
            return Catalog.Empty;
        }
    }

    // Null when written; else the diagnostic, for the caller to print (from the command's thread, in order).
    private Diagnostic? TryWriteArtifact(string name, Action<Stream> write)
    {
        try
        {
            Directory.CreateDirectory(session.TargetDirectory);
            using var file = Execution.AtomicFile.Create(Path.Combine(session.TargetDirectory, name));
            write(file.Stream);
            file.Complete();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArtifactFiles.Unwritable($"{session.Project.ProjectFile.TargetPath}/{name}", e);
        }
    }
}
