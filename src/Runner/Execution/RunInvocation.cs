using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Reporting;

namespace ModelForge.Runner.Execution;

/// <summary>
/// One command that executes nodes: writes the manifest, opens one connection per worker, walks
/// the DAG with the scheduler, reports each node, and writes run_results.json.
/// </summary>
internal sealed class RunInvocation(ProjectSession session, CliEnvironment environment)
{
    private readonly CompiledProject _project = session.Compiled!;
    private Task<Diagnostic?>? _manifest;
    private bool _manifestWritten;
    private readonly ConsoleReporter _reporter = new(environment.Output, new ReporterOptions
    {
        Json = session.Options.LogFormat == "json",
        Color = environment.IsTerminal && !session.Options.NoColor && string.IsNullOrEmpty(environment.GetEnvironmentVariable("NO_COLOR")),
        DebugLog = OpenDebugLog(session),
        Level = session.Options.LogLevel,
    });

    /// <param name="parentsOf">What a node waits for; the DAG's parents unless given (forge build adds test edges).</param>
    /// <param name="executors">What runs each resource type; <see cref="NodeExecutors.Create"/> unless given (forge clone).</param>
    public int Run(IReadOnlyList<ProjectNode> selected, Func<string, IEnumerable<string>>? parentsOf = null,
        Func<WorkerResources, IReadOnlyDictionary<ResourceType, INodeExecutor>>? executors = null)
    {
        try
        {
            return RunNodes(selected, parentsOf, executors);
        }
        finally
        {
            _reporter.Dispose();
        }
    }

    private bool IsEphemeral(string id) =>
        _project.Nodes[id] is { ResourceType: ResourceType.Model, Materialized: "ephemeral" };

    /// <summary>
    /// target/forge.log, appended to by every run (as dbt's logs/dbt.log); null when it cannot be opened.
    /// Written in batches off the statement path, as the console is (<see cref="BatchingWriter"/>).
    /// </summary>
    private static TextWriter? OpenDebugLog(ProjectSession session)
    {
        try
        {
            Directory.CreateDirectory(session.TargetDirectory);
            var file = new FileStream(Path.Combine(session.TargetDirectory, "forge.log"), FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            var writer = new BatchingWriter(file, new System.Text.UTF8Encoding(false), ownsStream: true);
            writer.WriteLine($"===== forge {session.Options.Command} {DateTimeOffset.UtcNow:O} =====");
            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The debug log is a convenience; a read-only target folder is reported when artifacts are written.
            return null;
        }
    }

    private int RunNodes(IReadOnlyList<ProjectNode> selected, Func<string, IEnumerable<string>>? parentsOf,
        Func<WorkerResources, IReadOnlyDictionary<ResourceType, INodeExecutor>>? executorsFor)
    {
        // Ephemeral models are never built and dbt does not list them: they are inlined into the
        // nodes that read them, which therefore wait for whatever the ephemeral model reads.
        var directParents = parentsOf ?? (id => _project.Graph.Parents(id));
        IEnumerable<string> Parents(string id) => directParents(id).SelectMany(p => IsEphemeral(p) ? Parents(p) : [p]);
        selected = selected.Where(n => !IsEphemeral(n.UniqueId)).ToList();
        var started = DateTimeOffset.UtcNow;
        _reporter.Line($"Running with forge={ForgeVersion.Current}");
        _reporter.Line(Found());
        _reporter.Debug($"invocation_id {_project.Options.InvocationId}; artifacts in {session.TargetDirectory}");
        // The manifest is written while the first nodes run: its file is created here, so an unwritable
        // target still stops the command before anything runs.
        if (StartManifest() is { } manifestError)
        {
            DiagnosticPrinter.Print(environment.Error, [manifestError]);
            return ExitCodes.UsageOrProject;
        }
        try
        {
            return ExecuteNodes(selected, Parents, started, executorsFor);
        }
        finally
        {
            // Whatever happened, the manifest is complete (or its error printed) before the command returns.
            FinishManifest();
        }
    }

    private int ExecuteNodes(IReadOnlyList<ProjectNode> selected, Func<string, IEnumerable<string>> parents, DateTimeOffset started,
        Func<WorkerResources, IReadOnlyDictionary<ResourceType, INodeExecutor>>? executorsFor)
    {
        var options = session.Options;
        if (selected.Count == 0)
        {
            _reporter.Line("Nothing to do: no nodes were selected.");
            return FinishManifest() ? ExitCodes.Success : ExitCodes.UsageOrProject;
        }

        var target = session.Project.Target;
        var threads = Math.Max(1, options.Threads ?? target.Threads);
        // Ctrl-C (environment.Cancellation) or --fail-fast stop the run and interrupt running statements.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(environment.Cancellation);
        string? failFastReason = null;
        using var resources = new WorkerResources(_project, target, new RelationCache(Connections.ConnectionFactory.SqlFor(target)))
        {
            Cancellation = stop.Token,
            BatchLanes = threads,
        };
        var opened = resources.TryOpen(environment.Error);
        // The first connection joined the database opened ahead (or failed as it would have without it).
        session.EndWarmup();
        if (!opened) return ExitCodes.Failure;
        _reporter.Line($"Concurrency: {threads} thread{(threads == 1 ? "" : "s")} (target='{target.Name}')");
        _reporter.Blank();

        if (RunProjectHooks(resources, session.Project.ProjectFile.OnRunStart, "on-run-start") is { } startFailed)
        {
            DiagnosticPrinter.Print(environment.Error, [startFailed]);
            return ExitCodes.Failure;
        }

        var executors = executorsFor?.Invoke(resources) ?? NodeExecutors.Create(_project, resources, session.Project.Root);
        var ids = selected.Select(n => n.UniqueId).ToList();
        var position = 0;
        PhaseTimings.Mark("connect + on-run-start");
        var results = new Scheduler(threads).Run(ids, parents, id =>
        {
            var node = _project.Nodes[id];
            var at = Interlocked.Increment(ref position);
            _reporter.NodeStarted(at, ids.Count, Line(node), id);
            var result = executors.TryGetValue(node.ResourceType, out var executor)
                ? executor.Run(node)
                : new NodeResult(id, NodeStatus.Skipped, TimeSpan.Zero) { Message = $"forge cannot run {node.ResourceType} nodes yet" };
            // --warn-error(-options): the node's own warnings, then a warning test, which fails and so skips what depends on it in build.
            result = session.WarnErrors.Apply(result);
            if (result.Status == NodeStatus.Warn && session.WarnErrors.FailsWarningTests)
                result = result with { Status = NodeStatus.Fail, Message = $"{result.Message} (a failure because of --warn-error)".TrimStart() };
            _reporter.NodeFinished(at, ids.Count, Line(node), result);
            if (options.FailFast && result.Status is NodeStatus.Error or NodeStatus.Fail && Interlocked.CompareExchange(ref failFastReason, $"--fail-fast: {id} {result.Status.ToArtifactString()}", null) is null)
                stop.Cancel();
            return result;
        }, (id, reason) =>
        {
            var node = _project.Nodes[id];
            if (reason == Scheduler.CancelledReason && Volatile.Read(ref failFastReason) is { } failFast) reason = failFast;
            var result = new NodeResult(id, NodeStatus.Skipped, TimeSpan.Zero) { Message = $"skipped: {reason}", StartedAt = DateTimeOffset.UtcNow, CompletedAt = DateTimeOffset.UtcNow };
            _reporter.NodeFinished(Interlocked.Increment(ref position), ids.Count, Line(node), result);
            return result;
        }, stop.Token);

        var endFailed = RunProjectHooks(resources, session.Project.ProjectFile.OnRunEnd, "on-run-end", OnRunEndGlobals(selected, results));
        if (endFailed is not null) DiagnosticPrinter.Print(environment.Error, [endFailed]);

        // Every node's target/run file is written before the command reports and ends.
        resources.RunFiles.Complete();
        PhaseTimings.Mark("execute + on-run-end");
        // Nothing needs a connection any more: they close (DuckDB checkpoints) while the artifacts are
        // written, on a thread of their own so that the artifact writers keep the pool's threads.
        var closing = Task.Factory.StartNew(resources.CloseConnections, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // dbt's manifest after a run carries the SQL each node compiled to; it replaces the first one, once that is written.
        FinishManifest();
        var summary = new RunSummary(options.Command, _project.Options.InvocationId, started, DateTimeOffset.UtcNow, results) { Args = options.ToArgs() };
        // The three artifacts are independent: written side by side, errors reported in this order.
        var rewrite = Task.Run(() => WriteManifest(resources.Compiled));
        var runResults = Task.Run(() => WriteArtifact("run_results.json", path => RunResultsWriter.Write(path, summary)));
        var junit = WriteArtifact("junit.xml", path => JUnitWriter.Write(path, summary, _project.Nodes));
        foreach (var error in new[] { rewrite.Result, runResults.Result, junit }.OfType<Diagnostic>()) DiagnosticPrinter.Print(environment.Error, [error]);
        PhaseTimings.Mark("manifest, run_results, junit");
        var cancelled = environment.Cancellation.IsCancellationRequested;
        _reporter.Summary(summary, Counted(selected), cancelled);
        closing.GetAwaiter().GetResult();
        PhaseTimings.Mark("close connections");
        if (cancelled) return ExitCodes.Cancelled;
        return summary.Failed || endFailed is not null ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>on-run-start / on-run-end on the calling thread's connection.</summary>
    private Diagnostic? RunProjectHooks(WorkerResources resources, IReadOnlyList<string> hooks, string which, IReadOnlyDictionary<string, object?>? globals = null)
    {
        if (hooks.Count == 0) return null;
        var worker = resources.Current;
        return Hooks.HookRunner.RunProjectHooks(worker.Compiler, worker.Connection, hooks, which, session.Project.ProjectFile.Source.Path, globals);
    }

    /// <summary>dbt's on-run-end context: <c>schemas</c> built into and <c>results</c> (unique_id, status, message, execution_time, node).</summary>
    private Dictionary<string, object?> OnRunEndGlobals(IReadOnlyList<ProjectNode> selected, IReadOnlyList<NodeResult> results) => new(StringComparer.Ordinal)
    {
        ["schemas"] = selected.Where(n => n.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot && n.Relation.Schema is not null)
            .Select(n => n.Relation.Schema).Distinct(StringComparer.Ordinal).Cast<object?>().ToList(),
        ["results"] = results.Select(r => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["unique_id"] = r.UniqueId,
            ["status"] = r.Status.ToArtifactString(),
            ["message"] = r.Message,
            ["execution_time"] = r.ExecutionTime.TotalSeconds,
            ["node"] = _project.GraphNodes.GetValueOrDefault(r.UniqueId),
        }).ToList(),
    };

    /// <summary>
    /// Creates manifest.json's file now (<paramref name="error"/> when it cannot be) and writes it on
    /// another thread, from the template-read dictionaries there are now: nodes that run meanwhile change nothing in it.
    /// </summary>
    private Diagnostic? StartManifest()
    {
        AtomicFile file;
        try
        {
            Directory.CreateDirectory(session.TargetDirectory);
            file = AtomicFile.Create(Path.Combine(session.TargetDirectory, "manifest.json"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArtifactFiles.Unwritable(ManifestPath, e);
        }
        var generatedAt = DateTimeOffset.UtcNow;
        var templateDictionaries = _project.BuiltNodeDictionaries();
        _manifest = Task.Run(() => WriteManifest(file, generatedAt, null, templateDictionaries.GetValueOrDefault));
        return null;
    }

    /// <summary>Waits for the first manifest, once; false (and the error printed) when it could not be written.</summary>
    private bool FinishManifest()
    {
        if (_manifest is not { } manifest) return _manifestWritten;
        _manifest = null;
        if (manifest.Result is { } error) DiagnosticPrinter.Print(environment.Error, [error]);
        return _manifestWritten = manifest.Result is null;
    }

    private string ManifestPath => $"{session.Project.ProjectFile.TargetPath}/manifest.json";

    private Diagnostic? WriteManifest(CompiledCode compiled)
    {
        AtomicFile file;
        try
        {
            file = AtomicFile.Create(Path.Combine(session.TargetDirectory, "manifest.json"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArtifactFiles.Unwritable(ManifestPath, e);
        }
        return WriteManifest(file, DateTimeOffset.UtcNow, compiled, null);
    }

    private Diagnostic? WriteManifest(AtomicFile file, DateTimeOffset generatedAt, CompiledCode? compiled, Func<string, object?>? templateDictionary)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (file)
            {
                ManifestWriter.Write(file.Stream, _project, _project.Options.InvocationId, generatedAt, null, compiled, templateDictionary);
                file.Complete();
            }
            PhaseTimings.Beside(compiled is null ? "manifest" : "manifest, compiled code", clock.Elapsed);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArtifactFiles.Unwritable(ManifestPath, e);
        }
        catch (Exception e) when (templateDictionary is not null && e is not OutOfMemoryException)
        {
            // A node's template changed a graph dictionary while this first write read it. The file
            // is left as it was (never half-written); the manifest written after the run replaces it.
            return null;
        }
    }

    private Diagnostic? WriteArtifact(string name, Action<string> write)
    {
        try
        {
            write(Path.Combine(session.TargetDirectory, name));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArtifactFiles.Unwritable($"{session.Project.ProjectFile.TargetPath}/{name}", e);
        }
    }

    private string Found()
    {
        string Count(ResourceType type, string noun) =>
            $"{_project.Nodes.Values.Count(n => n.ResourceType == type)} {noun}";
        return $"Found {Count(ResourceType.Model, "models")}, {Count(ResourceType.Seed, "seeds")}, {Count(ResourceType.Source, "sources")}, {Count(ResourceType.Test, "data tests")}, {_project.Macros.NamesIn(_project.Name).Count()} macros{UnitTests()}";
        // dbt lists unit tests only in projects that have some.
        string UnitTests() => _project.OfType(ResourceType.UnitTest).Any() ? $", {Count(ResourceType.UnitTest, "unit tests")}" : "";
    }

    // forge clone makes every node a pointer to the state's relation, whatever it materializes as (dbt: "clone model x").
    private string Line(ProjectNode node) => session.Options.Command == "clone"
        ? $"clone {node.ResourceType.ArtifactName()} {node.Relation.Schema}.{node.Relation.Identifier}"
        : Describe(node);

    internal static string Describe(ProjectNode node) => node.ResourceType switch
    {
        ResourceType.Seed => $"seed file {node.Relation.Schema}.{node.Relation.Identifier}",
        ResourceType.Test => $"test {node.Name}",
        ResourceType.UnitTest => $"unit_test {node.Fqn[^2]}::{node.Name}",
        ResourceType.Snapshot => $"snapshot {node.Relation.Schema}.{node.Relation.Identifier}",
        _ => $"sql {node.Materialized} model {node.Relation.Schema}.{node.Relation.Identifier}",
    };

    private static string Counted(IReadOnlyList<ProjectNode> nodes) =>
        string.Join(", ", nodes.GroupBy(n => n.ResourceType switch
        {
            ResourceType.Model => $"{n.Materialized} model",
            ResourceType.UnitTest => "unit test",
            _ => n.ResourceType.ArtifactName(),
        })
            .Select(g => $"{g.Count()} {g.Key}{(g.Count() == 1 ? "" : "s")}"));
}
