using System.Data.Common;
using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Compilation.Ephemeral;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Templating;
using ModelForge.Runner.Connections.Adapters;
using ModelForge.Runner.Execution.Contracts;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution;

/// <summary>
/// Runs one model: renders it for execution, writes target/compiled and target/run, and
/// materializes it. Every failure a user can cause comes back as an Error result with a
/// diagnostic pointing into the model where the database says where.
/// </summary>
internal sealed partial class ModelExecutor(CompiledProject project, WorkerResources resources, string projectRoot) : INodeExecutor
{
    public NodeResult Run(ProjectNode node)
    {
        var compiledPath = NodeCompiler.CompiledPath(project, node);
        var warnings = new List<Diagnostic>();
        var timer = new NodeTimer(node, compiledPath, node.Relation.Render());
        NodeResult Finish(NodeStatus status, string? message, Diagnostic? diagnostic = null, long? rows = null, string? thread = null) =>
            timer.Result(status, message, diagnostic, thread) with { Warnings = warnings, RowsAffected = rows };

        // Ephemeral models are inlined into the models that ref them; there is nothing to build.
        if (node.Materialized == "ephemeral") return Finish(NodeStatus.Success, "EPHEMERAL (inlined, not built)");

        // Helper relations are named <identifier>__forge_<role>: a model with such a name could be one.
        if (node.Relation.Identifier is { } identifier && identifier.Contains("__forge_", StringComparison.OrdinalIgnoreCase))
        {
            var reserved = DiagnosticCodes.Reliability.ReservedModelName(node.DefinitionSpan, identifier);
            return Finish(NodeStatus.Error, reserved.Message, reserved);
        }

        WorkerResources.Worker worker;
        InlinedSql rendered;
        try
        {
            worker = resources.Current;
            rendered = worker.Compiler.Compile(node);
        }
        catch (DiagnosticException e)
        {
            return Finish(NodeStatus.Error, e.Diagnostic.Message, e.Diagnostic);
        }

        var sql = TrimStatement(rendered.Text);
        timer.Compiled(rendered.Text);
        resources.Compiled.Add(node, compiledPath, rendered.Text);
        if (ArtifactFiles.TryWrite(projectRoot, compiledPath, rendered.Text) is { } writeError)
            return Finish(NodeStatus.Error, writeError.Message, writeError, thread: worker.ThreadName);
        if (resources.Validator.Validate(rendered.Text, rendered.Find, node.DefinitionSpan, compiledPath) is [var invalid, ..])
            return Finish(NodeStatus.Error, invalid.Message, invalid, thread: worker.ThreadName);

        var context = new MaterializationContext(worker.Connection, resources.Sql, resources.Relations)
        {
            Database = node.Relation.Database,
            Schema = node.Relation.Schema!,
            Identifier = node.Relation.Identifier!,
            CompiledSql = sql,
            Cancellation = resources.Cancellation,
            Config = node.Config,
            Warnings = warnings,
        };
        var built = false;
        try
        {
            // The contract check changes nothing in the warehouse, so it goes before the pre-hooks.
            context.Contract = ContractEnforcer.Check(context, node, warnings);
            Hooks.HookRunner.RunNodeHooks(worker.Compiler, node, node.Config.PreHook, "pre-hook", context);
            if (Compiler.Compilation.Microbatch.MicrobatchConfig.IsMicrobatch(node))
                return RunBatches(node, worker, context, compiledPath, (status, message, diagnostic, rows) => Finish(status, message, diagnostic, rows, worker.ThreadName));
            var rows = node.Materialized switch
            {
                "view" => ViewMaterialization.Build(context),
                "table" => TableMaterialization.Build(context),
                "incremental" => IncrementalMaterialization.Build(context, IncrementalOptions.From(node, project.Options.FullRefresh, context.Sql)),
                "external" => ExternalMaterialization.Build(context, ExternalFileOf(node), node.Name, node.DefinitionSpan),
                var other => throw new DiagnosticException(UnsupportedMaterialization(node, other)),
            };
            built = true;
            var kind = node.Materialized is "view" or "external" ? RelationKind.View : RelationKind.Table;
            DocsPersister.Apply(context, node, kind, resources.Describe);
            Hooks.HookRunner.RunNodeHooks(worker.Compiler, node, node.Config.PostHook, "post-hook", context);
            resources.RunFiles.Write(projectRoot, NodeCompiler.RunPath(project, node), context.Statements);
            var verb = node.Materialized == "external" ? (rows is { } copied ? $"COPY {copied}" : "COPY") : node.Materialized == "view" ? "CREATE VIEW" : rows is { } n ? $"SELECT {n}" : "CREATE TABLE";
            return Finish(NodeStatus.Success, verb, rows: rows, thread: worker.ThreadName);
        }
        catch (DiagnosticException e)
        {
            return Finish(NodeStatus.Error, e.Diagnostic.Message, e.Diagnostic, thread: worker.ThreadName);
        }
        catch (DbException) when (resources.Cancellation.IsCancellationRequested && built)
        {
            // The relation was replaced; only a post-hook was cut short. Say so rather than "unchanged".
            return Finish(NodeStatus.Error, "built, but cancelled while running its post-hook", thread: worker.ThreadName);
        }
        catch (DbException) when (resources.Cancellation.IsCancellationRequested)
        {
            // Interrupted: the materialization dropped its helper relation, the old one is untouched.
            return Finish(NodeStatus.Skipped, "cancelled while running; the previous relation is unchanged", thread: worker.ThreadName);
        }
        catch (DbException e) when (context.Contract is { } contract && node.Materialized == "incremental" && ConstraintViolations.IsViolation(e))
        {
            // An incremental batch goes into the contracted table itself; its transaction rolled back.
            resources.RunFiles.Write(projectRoot, NodeCompiler.RunPath(project, node), context.Statements);
            var diagnostic = ContractTable.Violation(context, contract, e);
            return Finish(NodeStatus.Error, diagnostic.Message, diagnostic, thread: worker.ThreadName);
        }
        catch (DbException e)
        {
            resources.RunFiles.Write(projectRoot, NodeCompiler.RunPath(project, node), context.Statements);
            // The failing statement is the last one that carries the model's SQL (cleanup statements may follow it).
            var failed = context.Statements.LastOrDefault(s => s.Contains(sql, StringComparison.Ordinal)) ?? context.Statements.LastOrDefault();
            var diagnostic = DatabaseError(node, e, rendered, sql, failed, compiledPath);
            return Finish(NodeStatus.Error, diagnostic.Message, diagnostic, thread: worker.ThreadName);
        }
    }

    /// <summary>Models are SELECTs wrapped in DDL: a trailing semicolon would end the wrapper early.</summary>
    internal static string TrimStatement(string sql)
    {
        var end = sql.Length;
        while (end > 0 && (char.IsWhiteSpace(sql[end - 1]) || sql[end - 1] == ';')) end--;
        return sql[..end];
    }

    // The compiler refuses 'external' on targets that cannot write files, so ExternalRoot is set here.
    private ExternalFile ExternalFileOf(ProjectNode node) =>
        ExternalFile.From(node.Config, node.Name, node.Relation.Identifier!, project.Project.Target.ExternalRoot ?? projectRoot, projectRoot,
            node.DefinitionSpan, out var error)
        ?? throw new DiagnosticException(error! with { Span = ExternalMaterializationCheck.ConfigSpan(node, ExternalMaterializationCheck.FormatSetting()) });

    private static Diagnostic UnsupportedMaterialization(ProjectNode node, string materialized) =>
        Diagnostic.Error(DiagnosticCodes.RenderFailedAtRun, $"model '{node.Name}' has materialized='{materialized}', which forge cannot build yet",
            node.DefinitionSpan, "use 'view', 'table', 'incremental' or 'ephemeral'");

    /// <summary>
    /// The database's message, at the model's own line and column when the database gave a position
    /// inside the model's SQL (mapped back through the template).
    /// </summary>
    private static Diagnostic DatabaseError(ProjectNode node, DbException e, InlinedSql rendered, string sql, string? statement, string compiledPath)
    {
        SourceSpan? span = node.DefinitionSpan;
        if (statement is not null && ErrorPositions.Find(e, statement, sql, rendered.Find) is { } mapped) span = mapped;
        var message = e.Message.Split('\n')[0].Trim();
        return Diagnostic.Error(DiagnosticCodes.DatabaseError, $"database error in model '{node.Name}': {message}", span,
            "fix the SQL in the model; the compiled SQL shows what was sent to the database",
            $"compiled SQL: {compiledPath}");
    }
}
