using System.Data.Common;
using ModelForge.Compiler.Compilation.Microbatch;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// dbt 1.9's microbatch strategy: each batch is rendered with its window and replaces that window
/// of the table (delete + insert in one transaction, through <see cref="IncrementalMaterialization"/>).
/// A failed batch rolls back only itself; the batches before and after it are kept. The batch that
/// creates the table (first build, full refresh) goes first, and when it fails nothing else runs.
/// </summary>
internal static class MicrobatchMaterialization
{
    /// <param name="render">The model's SELECT for one window (throws DiagnosticException).</param>
    /// <param name="databaseError">The diagnostic for a database error while running a batch's SQL.</param>
    public static MicrobatchOutcome Build(MaterializationContext context, IncrementalOptions options, MicrobatchConfig config,
        IReadOnlyList<MicrobatchWindow> batches, Func<MicrobatchWindow, string> render, Func<DbException, string, Diagnostic> databaseError)
    {
        var successful = new List<MicrobatchWindow>();
        var failed = new List<(MicrobatchWindow, Diagnostic)>();
        long? rows = null;
        var createsTable = options.FullRefresh
            || context.Relations.Find(context.Connection, context.Database, context.Schema, context.Identifier) != Compiler.Targets.RelationKind.Table;
        for (var i = 0; i < batches.Count; i++)
        {
            var window = batches[i];
            string? sql = null;
            try
            {
                sql = render(window);
                var built = IncrementalMaterialization.Build(context.WithSql(sql), options with
                {
                    FullRefresh = createsTable,
                    Batch = (config.EventTime, window),
                });
                if (built is { } n) rows = (rows ?? 0) + n;
                successful.Add(window);
                createsTable = false;
            }
            catch (DiagnosticException e)
            {
                failed.Add((window, e.Diagnostic));
            }
            catch (DbException e) when (!context.Cancellation.IsCancellationRequested)
            {
                failed.Add((window, databaseError(e, sql ?? "")));
            }
            // Without the table no later batch has anywhere to go (dbt skips them too).
            if (createsTable && failed.Count > 0)
            {
                foreach (var rest in batches.Skip(i + 1)) failed.Add((rest, failed[0].Item2));
                break;
            }
        }
        return new MicrobatchOutcome(successful, failed, rows);
    }
}
