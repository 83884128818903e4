using System.Data.Common;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.State;
using ModelForge.Compiler.Targets;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution;

/// <summary>
/// `forge clone` (dbt 1.6): makes the node's relation in the current target point at the relation the
/// state manifest recorded for it: a zero-copy table clone where the warehouse has one, else a view
/// <c>select * from</c> the state relation. As dbt's clone materialization, a relation that already
/// exists is kept unless --full-refresh, and a node the state does not know is left alone.
/// </summary>
internal sealed class CloneExecutor(CompiledProject project, WorkerResources resources, string projectRoot, StateManifest state, bool fullRefresh) : INodeExecutor
{
    public NodeResult Run(ProjectNode node)
    {
        var target = node.Relation;
        var timer = new NodeTimer(node, null, target.Render());
        var worker = resources.Current;
        NodeResult Finish(NodeStatus status, string message, Diagnostic? diagnostic = null) => timer.Result(status, message, diagnostic, worker.ThreadName);

        if (state.RelationOf(node.UniqueId) is not { Schema: { } fromSchema, Identifier: { } fromIdentifier } from)
            return Finish(NodeStatus.Success, "NO-OP (not in the state manifest)");
        var fromDatabase = from.Database ?? target.Database;
        var sql = resources.Sql;
        var schema = target.Schema!;
        var identifier = target.Identifier!;
        if (sql.QualifiedName(fromDatabase, fromSchema, fromIdentifier) == sql.QualifiedName(target.Database, schema, identifier))
            return Finish(NodeStatus.Success, "NO-OP (the state relation is this relation)");

        var context = new MaterializationContext(worker.Connection, sql, resources.Relations)
        {
            Database = target.Database,
            Schema = schema,
            Identifier = identifier,
            CompiledSql = sql.ClonePointer(fromDatabase, fromSchema, fromIdentifier),
            Cancellation = resources.Cancellation,
            Config = node.Config,
        };
        try
        {
            var existing = resources.Relations.Find(worker.Connection, target.Database, schema, identifier);
            if (existing is not null && !fullRefresh)
                return Finish(NodeStatus.Success, $"NO-OP ({(existing == RelationKind.View ? "view" : "table")} exists; --full-refresh replaces it)");
            var fromKind = resources.Relations.Find(worker.Connection, fromDatabase, fromSchema, fromIdentifier);
            if (fromKind is null)
            {
                var missing = DiagnosticCodes.Clone.StateRelationMissing(node.DefinitionSpan, node.Name, sql.QualifiedName(fromDatabase, fromSchema, fromIdentifier));
                return Finish(NodeStatus.Error, missing.Message, missing);
            }
            string message;
            if (fromKind == RelationKind.Table && sql.CloneTable(target.Database, schema, identifier, fromDatabase, fromSchema, fromIdentifier) is { } clone)
            {
                context.Relations.EnsureSchema(context.Connection, context.Database, schema);
                if (existing == RelationKind.View) context.Execute(sql.Drop(target.Database, schema, identifier, RelationKind.View));
                context.Execute(clone);
                context.Relations.Set(target.Database, schema, identifier, RelationKind.Table);
                message = "CLONE";
            }
            else
            {
                ViewMaterialization.Build(context);
                message = "CREATE VIEW";
            }
            resources.RunFiles.Write(projectRoot, NodeCompiler.RunPath(project, node), context.Statements);
            return Finish(NodeStatus.Success, message);
        }
        catch (DbException) when (resources.Cancellation.IsCancellationRequested)
        {
            return Finish(NodeStatus.Skipped, "cancelled while running; the previous relation is unchanged");
        }
        catch (DbException e)
        {
            var diagnostic = Diagnostic.Error(DiagnosticCodes.DatabaseError, $"database error cloning '{node.Name}': {e.Message.Split('\n')[0].Trim()}",
                node.DefinitionSpan, "check that the state relation is readable from the current target's connection");
            return Finish(NodeStatus.Error, diagnostic.Message, diagnostic);
        }
    }
}
