using System.Data.Common;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Compilation.Ephemeral;
using ModelForge.Compiler.Compilation.Microbatch;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution;

internal sealed partial class ModelExecutor
{
    /// <summary>
    /// A microbatch model: plans its batches (or takes the ones <c>forge retry</c> passes in
    /// <see cref="CompileOptions"/>), runs them, and reports success, partial success or error
    /// with the batches in run_results.json. Post-hooks run once some batch was kept.
    /// </summary>
    private NodeResult RunBatches(ProjectNode node, WorkerResources.Worker worker, MaterializationContext context, string compiledPath,
        Func<NodeStatus, string?, Diagnostic?, long?, NodeResult> finish)
    {
        var bag = new DiagnosticBag();
        // Checked when the project compiled; read again here for the typed values.
        var config = MicrobatchConfig.Read(node, bag) ?? throw new DiagnosticException(bag.ToList().First(d => d.IsError));
        var options = IncrementalOptions.From(node, project.Options.FullRefresh, context.Sql);
        var batches = project.Options.MicrobatchBatches.TryGetValue(node.UniqueId, out var explicitBatches) ? explicitBatches : Plan(context, config, options);

        // Rendered on this thread (the worker's renderer); concurrent batches only read the map afterwards.
        var rendered = new Dictionary<MicrobatchWindow, InlinedSql>();
        string Render(MicrobatchWindow window)
        {
            var inlined = worker.Compiler.Compile(node, context.Sql, window, config.BatchSize);
            rendered[window] = inlined;
            return TrimStatement(inlined.Text);
        }
        Diagnostic Error(DbException e, MicrobatchWindow window, string sql, IReadOnlyList<string> statements)
        {
            var failedStatement = statements.LastOrDefault(s => sql.Length > 0 && s.Contains(sql, StringComparison.Ordinal)) ?? statements.LastOrDefault();
            return rendered.GetValueOrDefault(window) is not { } inlined ? Diagnostic.Error(DiagnosticCodes.DatabaseError, e.Message, node.DefinitionSpan)
                : DatabaseError(node, e, inlined, sql, failedStatement, compiledPath);
        }

        // dbt's concurrent_batches: unset means at once unless the model reads its own table through `this`.
        var concurrent = config.ConcurrentBatches ?? !MicrobatchConfig.ReferencesThis(node);
        var concurrency = concurrent && resources.BatchLanes > 1 ? new BatchConcurrency(resources.BatchLanes, resources.OpenConnection) : null;
        var outcome = MicrobatchMaterialization.Build(context, options, config, batches, Render, Error, concurrency);
        if (outcome.Successful.Count > 0) Hooks.HookRunner.RunNodeHooks(worker.Compiler, node, node.Config.PostHook, "post-hook", context);
        resources.RunFiles.Write(projectRoot, NodeCompiler.RunPath(project, node), context.Statements);

        var total = batches.Count;
        var message = total == 0 ? "no batches to run" : $"{outcome.Successful.Count} of {total} batches";
        var failedWindows = outcome.Failed.Select(f => f.Window).ToList();
        NodeResult result;
        if (outcome.Failed.Count == 0) result = finish(NodeStatus.Success, message, null, outcome.Rows);
        else
        {
            var (window, error) = outcome.Failed[0];
            var diagnostic = DiagnosticCodes.Microbatch.BatchFailed(node.DefinitionSpan, node.Name, outcome.Failed.Count, total,
                window.Id(config.BatchSize), error, failedWindows.Select(w => w.Id(config.BatchSize)));
            result = finish(outcome.Successful.Count > 0 ? NodeStatus.PartialSuccess : NodeStatus.Error, message, diagnostic, outcome.Rows);
        }
        return result with { Batches = (outcome.Successful, failedWindows) };
    }

    private IReadOnlyList<MicrobatchWindow> Plan(MaterializationContext context, MicrobatchConfig config, IncrementalOptions options)
    {
        var incremental = !options.FullRefresh
            && context.Relations.Find(context.Connection, context.Database, context.Schema, context.Identifier) == Compiler.Targets.RelationKind.Table;
        return config.Plan(project.Options.RunStartedAt, incremental, project.Options.EventTimeStart, project.Options.EventTimeEnd);
    }
}
