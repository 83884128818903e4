using System.Data.Common;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.Seeds;

/// <summary>
/// Runs one seed node: reads its CSV with the node's config (delimiter, column_types,
/// quote_columns), checks every value, then loads it. A seed's <c>full_refresh</c> config wins over
/// <c>--full-refresh</c>, as in dbt. Every failure comes back as an Error result with a diagnostic.
/// </summary>
internal sealed class SeedExecutor(CompiledProject project, WorkerResources resources) : INodeExecutor
{
    public NodeResult Run(ProjectNode node)
    {
        string? thread = null;
        var warnings = new List<Diagnostic>();
        var timer = new NodeTimer(node, null, node.Relation.Render());
        NodeResult Finish(NodeStatus status, string? message, Diagnostic? diagnostic = null, long? rows = null) =>
            timer.Result(status, message, diagnostic, thread) with { RowsAffected = rows, Warnings = warnings };
        NodeResult Failed(Diagnostic diagnostic) => Finish(NodeStatus.Error, diagnostic.Message, diagnostic);

        var sql = resources.Sql;
        if (SeedTypeMap.ForTarget(sql.Type) is not { } types || WriterFor(sql.Type) is not { } writer)
            return Failed(Unsupported(node, sql.Type));
        if (node.File is not { } file)
            return Failed(Diagnostic.Error(DiagnosticCodes.DatabaseError, $"seed '{node.Name}' has no file") with { FilePath = node.Path });

        var diagnostics = new DiagnosticBag();
        var options = SeedOptions.FromConfig(node.Config, node.Path, diagnostics);
        var seed = options is null ? null : SeedFile.Parse(file.Source, options, types, diagnostics);
        if (options is null || seed is null) return Failed(Combine(diagnostics.ToList()));

        WorkerResources.Worker worker;
        try
        {
            worker = resources.Current;
            thread = worker.ThreadName;
        }
        catch (DiagnosticException e)
        {
            return Failed(e.Diagnostic);
        }

        var context = new MaterializationContext(worker.Connection, sql, resources.Relations)
        {
            Database = node.Relation.Database,
            Schema = node.Relation.Schema!,
            Identifier = node.Relation.Identifier!,
            CompiledSql = "",
            Warnings = warnings,
        };
        var fullRefresh = node.Config.FullRefresh ?? project.Options.FullRefresh;
        try
        {
            // Seeds take pre- and post-hooks like models (dbt runs them around every built node).
            Hooks.HookRunner.RunNodeHooks(worker.Compiler, node, node.Config.PreHook, "pre-hook", context);
            var rows = new SeedLoader(writer).Load(context, seed, new SeedLoadOptions(fullRefresh, options.QuoteColumns));
            Materializations.DocsPersister.Apply(context, node, Compiler.Targets.RelationKind.Table, resources.Describe);
            Hooks.HookRunner.RunNodeHooks(worker.Compiler, node, node.Config.PostHook, "post-hook", context);
            return Finish(NodeStatus.Success, $"INSERT {rows}", rows: rows);
        }
        catch (DiagnosticException e)
        {
            return Failed(e.Diagnostic);
        }
        catch (DbException e)
        {
            return Failed(DatabaseError(node, seed, e));
        }
    }

    /// <summary>The bulk writer of a target type's runner adapter (DuckDB's appender, SQL Server's SqlBulkCopy); null without one.</summary>
    internal static ISeedWriter? WriterFor(string targetType) => Connections.Adapters.RunnerAdapters.Find(targetType)?.SeedWriter;

    // A node result carries one diagnostic: the first error, with the others listed in its detail.
    private static Diagnostic Combine(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0) errors = diagnostics.ToList();
        var first = errors[0];
        if (errors.Count == 1) return first;
        var rest = string.Join("\n", errors.Skip(1).Select(d => d.ToString()));
        return first with { Detail = first.Detail is null ? rest : first.Detail + "\n" + rest };
    }

    private static Diagnostic Unsupported(ProjectNode node, string targetType) =>
        Diagnostic.Error(DiagnosticCodes.DatabaseError, $"forge cannot load seeds into {targetType} yet", hint:
            "load this seed with a DuckDB target, or disable it with +enabled: false") with { FilePath = node.Path };

    private static Diagnostic DatabaseError(ProjectNode node, SeedFile seed, DbException e) =>
        Diagnostic.Error(DiagnosticCodes.DatabaseError, $"database error in seed '{node.Name}': {e.Message.Split('\n')[0].Trim()}",
            seed.HeaderSpan, "the previous table is unchanged; values of a column_types type forge does not check are cast by the database, which may reject them");
}
