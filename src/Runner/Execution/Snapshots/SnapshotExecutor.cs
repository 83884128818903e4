using System.Data.Common;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Compilation.Ephemeral;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets.Snapshots;
using ModelForge.Runner.Connections.Adapters;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.Snapshots;

/// <summary>
/// Runs one snapshot: renders its query, then builds the snapshot table on the first run or
/// applies the change set (<see cref="SnapshotWriter"/>) on later ones. Writes target/compiled and
/// target/run like a model.
/// </summary>
internal sealed class SnapshotExecutor(CompiledProject project, WorkerResources resources, string projectRoot) : INodeExecutor
{
    public NodeResult Run(ProjectNode node)
    {
        var compiledPath = NodeCompiler.CompiledPath(project, node);
        string? thread = null;
        var timer = new NodeTimer(node, compiledPath, node.Relation.Render());
        NodeResult Finish(NodeStatus status, string? message, Diagnostic? diagnostic = null, long? rows = null) =>
            timer.Result(status, message, diagnostic, thread) with { RowsAffected = rows };

        WorkerResources.Worker worker;
        InlinedSql rendered;
        try
        {
            worker = resources.Current;
            thread = worker.ThreadName;
            rendered = worker.Compiler.Compile(node);
        }
        catch (DiagnosticException e)
        {
            return Finish(NodeStatus.Error, e.Diagnostic.Message, e.Diagnostic);
        }
        var sql = ModelExecutor.TrimStatement(rendered.Text);
        timer.Compiled(rendered.Text);
        resources.Compiled.Add(node, compiledPath, rendered.Text);
        if (ArtifactFiles.TryWrite(projectRoot, compiledPath, rendered.Text) is { } writeError) return Finish(NodeStatus.Error, writeError.Message, writeError);

        var spec = SnapshotSpec.From(node.Config);
        var snapshotTime = project.Options.RunStartedAt;
        MaterializationContext context;
        try
        {
            var exists = resources.Relations.Find(worker.Connection, node.Relation.Database, node.Relation.Schema!, node.Relation.Identifier!) is not null;
            context = new MaterializationContext(worker.Connection, resources.Sql, resources.Relations)
            {
                Database = node.Relation.Database,
                Schema = node.Relation.Schema!,
                Identifier = node.Relation.Identifier!,
                Config = node.Config,
                // First run: the whole table is the query's rows with their meta columns, built like a table model.
                CompiledSql = exists ? sql : SnapshotStatements.Initial(resources.Sql, spec, sql, snapshotTime),
            };
        }
        catch (DbException e)
        {
            return Finish(NodeStatus.Error, e.Message, Diagnostic.Error(DiagnosticCodes.DatabaseError, $"database error in snapshot '{node.Name}': {e.Message}"));
        }
        var writer = new SnapshotWriter(context, spec, node, snapshotTime);
        try
        {
            // Snapshots take pre- and post-hooks like models (dbt runs them around every built node).
            Hooks.HookRunner.RunNodeHooks(worker.Compiler, node, node.Config.PreHook, "pre-hook", context);
            var (verb, rows) = writer.Write();
            Materializations.DocsPersister.Apply(context, node, Compiler.Targets.RelationKind.Table, resources.Describe);
            Hooks.HookRunner.RunNodeHooks(worker.Compiler, node, node.Config.PostHook, "post-hook", context);
            WriteRunFile(node, context);
            return Finish(NodeStatus.Success, rows is { } n ? $"{verb} {n}" : verb, rows: rows);
        }
        catch (DiagnosticException e)
        {
            WriteRunFile(node, context);
            return Finish(NodeStatus.Error, e.Diagnostic.Message, e.Diagnostic);
        }
        catch (DbException e)
        {
            WriteRunFile(node, context);
            var diagnostic = DatabaseError(node, e, rendered, sql, context.Statements, compiledPath);
            return Finish(NodeStatus.Error, diagnostic.Message, diagnostic);
        }
    }

    private void WriteRunFile(ProjectNode node, MaterializationContext context)
    {
        resources.RunFiles.Write(projectRoot, NodeCompiler.RunPath(project, node), context.Statements);
    }

    /// <summary>The database's message, at the snapshot's own line when the error lies in its query.</summary>
    private static Diagnostic DatabaseError(ProjectNode node, DbException e, InlinedSql rendered, string sql,
        IReadOnlyList<string> statements, string compiledPath)
    {
        SourceSpan? span = node.DefinitionSpan;
        var statement = statements.LastOrDefault(s => s.Contains(sql, StringComparison.Ordinal));
        if (statement is not null && ErrorPositions.Find(e, statement, sql, rendered.Find) is { } mapped) span = mapped;
        return Diagnostic.Error(DiagnosticCodes.DatabaseError, $"database error in snapshot '{node.Name}': {e.Message.Split('\n')[0].Trim()}", span,
            "fix the snapshot's query or config; the snapshot table is unchanged", $"compiled SQL: {compiledPath}");
    }
}
