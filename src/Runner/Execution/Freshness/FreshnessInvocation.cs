using System.Collections.Concurrent;
using System.Globalization;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Connections;
using ModelForge.Runner.Reporting;

namespace ModelForge.Runner.Execution.Freshness;

/// <summary>
/// `forge source freshness`: checks the selected source tables on the worker threads, prints a
/// dbt-style line per table with its age, writes target/sources.json, and exits 1 when any table
/// is past error_after or could not be checked.
/// </summary>
internal sealed class FreshnessInvocation(ProjectSession session, CliEnvironment environment)
{
    private const int DotsColumn = 72;
    private readonly CompiledProject _project = session.Compiled!;
    private readonly ConsoleReporter _reporter = new(environment.Output);

    public int Run(IReadOnlyList<ProjectNode> selected)
    {
        var started = DateTimeOffset.UtcNow;
        _reporter.Line($"Running with forge={ForgeVersion.Current}");
        // Tables with a policy but nothing to measure it by are named, not silently dropped.
        var unmeasurable = selected.Where(n => n.SourceTable is { Freshness.IsEmpty: false } t && string.IsNullOrEmpty(t.LoadedAtField)).ToList();
        DiagnosticPrinter.Print(environment.Error, unmeasurable.Select(n =>
            DiagnosticCodes.Contracts.FreshnessWithoutLoadedAt(n.SourceTable!.Span, $"{n.SourceTable.SourceName}.{n.Name}")).ToList());
        var nodes = selected.Where(FreshnessChecker.IsCheckable).ToList();
        if (nodes.Count == 0)
        {
            _reporter.Line("Nothing to do: no selected source has a freshness policy and a loaded_at_field.");
            return ExitCodes.Success;
        }

        var target = session.Project.Target;
        var threads = Math.Max(1, session.Options.Threads ?? target.Threads);
        using var resources = new WorkerResources(_project, target, new RelationCache(ConnectionFactory.SqlFor(target)));
        if (!resources.TryOpen(environment.Error)) return ExitCodes.Failure;
        _reporter.Line($"Concurrency: {threads} thread{(threads == 1 ? "" : "s")} (target='{target.Name}')");
        _reporter.Blank();

        var results = new ConcurrentDictionary<string, FreshnessResult>(StringComparer.Ordinal);
        var position = 0;
        var ids = nodes.Select(n => n.UniqueId).ToList();
        new Scheduler(threads).Run(ids, _ => [], id =>
        {
            var node = _project.Nodes[id];
            var at = Interlocked.Increment(ref position);
            _reporter.Line(Dotted($"{at} of {ids.Count} START freshness of {Name(node)}", "[RUN]"));
            var worker = resources.Current;
            var result = FreshnessChecker.Check(node, worker.Connection, resources.Sql, worker.ThreadName);
            results[id] = result;
            _reporter.Line(Dotted($"{at} of {ids.Count} {Verb(result.Status)} freshness of {Name(node)}{Age(result)}",
                $"[{Verb(result.Status)} in {result.ExecutionTime.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}s]"));
            return new NodeResult(id, result.Status == FreshnessStatus.Pass ? NodeStatus.Pass : NodeStatus.Warn, result.ExecutionTime);
        }, (id, reason) => new NodeResult(id, NodeStatus.Skipped, TimeSpan.Zero), environment.Cancellation);

        var ordered = ids.Where(results.ContainsKey).Select(id => results[id]).ToList();
        var completed = DateTimeOffset.UtcNow;
        var path = Path.Combine(session.TargetDirectory, "sources.json");
        try
        {
            SourcesJsonWriter.Write(path, ordered, _project.Options.InvocationId, started, completed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.Print(environment.Error, [ArtifactFiles.Unwritable($"{session.Project.ProjectFile.TargetPath}/sources.json", e)]);
        }
        Summarize(ordered, completed - started);
        return ordered.Any(r => r.Status is FreshnessStatus.Error or FreshnessStatus.RuntimeError) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private void Summarize(IReadOnlyList<FreshnessResult> results, TimeSpan elapsed)
    {
        _reporter.Blank();
        _reporter.Line($"Finished checking the freshness of {results.Count} source table{(results.Count == 1 ? "" : "s")} in {elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} seconds.");
        foreach (var result in results.Where(r => r.Diagnostic is not null))
        {
            _reporter.Blank();
            _reporter.Line($"Error in {result.UniqueId}");
            environment.Output.Write(DiagnosticPrinter.Format(result.Diagnostic!));
        }
        _reporter.Blank();
        int Count(params FreshnessStatus[] statuses) => results.Count(r => statuses.Contains(r.Status));
        _reporter.Line($"Done. PASS={Count(FreshnessStatus.Pass)} WARN={Count(FreshnessStatus.Warn)} ERROR={Count(FreshnessStatus.Error, FreshnessStatus.RuntimeError)} TOTAL={results.Count}");
    }

    private static string Name(ProjectNode node) => $"{node.SourceTable!.SourceName}.{node.Name}";

    private static string Verb(FreshnessStatus status) => status switch
    {
        FreshnessStatus.Pass => "PASS",
        FreshnessStatus.Warn => "WARN",
        FreshnessStatus.Error => "ERROR STALE",
        _ => "ERROR",
    };

    private static string Age(FreshnessResult result) => result.Status switch
    {
        FreshnessStatus.RuntimeError => "",
        _ when result.Age is { } age => $" (age {FreshnessEvaluator.FormatAge(age)}{Limit(result)})",
        _ => " (no rows)",
    };

    private static string Limit(FreshnessResult result)
    {
        var threshold = result.Status == FreshnessStatus.Error ? result.Policy.ErrorAfter : result.Policy.WarnAfter ?? result.Policy.ErrorAfter;
        var word = result.Status == FreshnessStatus.Error || result.Policy.WarnAfter is null ? "error" : "warn";
        return threshold is null ? "" : $", {word} after {threshold.Count} {threshold.Period}{(threshold.Count == 1 ? "" : "s")}";
    }

    private static string Dotted(string left, string right) => $"{left} {new string('.', Math.Max(3, DotsColumn - left.Length))} {right}";
}
