using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.ExceptionServices;
using ModelForge.Compiler.Compilation.Microbatch;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// dbt 1.9's microbatch strategy: each batch is rendered with its window and replaces that window
/// of the table (delete + insert in one transaction, through <see cref="IncrementalMaterialization"/>).
/// A failed batch rolls back only itself; the batches before and after it are kept. The batch that
/// creates the table (first build, full refresh) goes first and alone, and when it fails nothing
/// else runs. With <see cref="BatchConcurrency"/> the other batches then run at once (dbt's
/// concurrent_batches), each on its own connection and staging helper.
/// </summary>
internal static class MicrobatchMaterialization
{
    /// <summary>The diagnostic for a database error while running a batch: the error, the batch's SQL and the statements its context ran.</summary>
    public delegate Diagnostic DatabaseError(DbException error, MicrobatchWindow window, string sql, IReadOnlyList<string> statements);

    /// <param name="render">The model's SELECT for one window (throws DiagnosticException); called on this thread only.</param>
    /// <param name="databaseError">The diagnostic for a database error while running a batch's SQL.</param>
    /// <param name="concurrency">Null (or one lane) runs the batches one after another on the context's connection.</param>
    public static MicrobatchOutcome Build(MaterializationContext context, IncrementalOptions options, MicrobatchConfig config,
        IReadOnlyList<MicrobatchWindow> batches, Func<MicrobatchWindow, string> render, DatabaseError databaseError, BatchConcurrency? concurrency = null)
    {
        var createsTable = options.FullRefresh
            || context.Relations.Find(context.Connection, context.Database, context.Schema, context.Identifier) != Compiler.Targets.RelationKind.Table;
        if (concurrency is not { Lanes: > 1 } || batches.Count - (createsTable ? 1 : 0) < 2)
            return InOrder(context, options, config, batches, render, databaseError, createsTable);

        var successful = new List<MicrobatchWindow>();
        long? rows = null;
        var rest = batches;
        if (createsTable)
        {
            var head = InOrder(context, options, config, [batches[0]], render, databaseError, createsTable: true);
            if (head.Failed.Count > 0) return new MicrobatchOutcome([], batches.Select(w => (w, head.Failed[0].Error)).ToList(), null);
            successful.Add(batches[0]);
            rows = head.Rows;
            rest = batches.Skip(1).ToList();
        }
        return Concurrently(context, options, config, rest, render, databaseError, concurrency, successful, rows);
    }

    private static MicrobatchOutcome InOrder(MaterializationContext context, IncrementalOptions options, MicrobatchConfig config,
        IReadOnlyList<MicrobatchWindow> batches, Func<MicrobatchWindow, string> render, DatabaseError databaseError, bool createsTable)
    {
        var successful = new List<MicrobatchWindow>();
        var failed = new List<(MicrobatchWindow, Diagnostic)>();
        long? rows = null;
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
                failed.Add((window, databaseError(e, window, sql ?? "", context.Statements)));
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

    private sealed record BatchRun(bool Succeeded, long? Rows, Diagnostic? Error, IReadOnlyList<string> Statements);

    private static MicrobatchOutcome Concurrently(MaterializationContext context, IncrementalOptions options, MicrobatchConfig config,
        IReadOnlyList<MicrobatchWindow> batches, Func<MicrobatchWindow, string> render, DatabaseError databaseError, BatchConcurrency concurrency,
        List<MicrobatchWindow> successful, long? rows)
    {
        var runs = new BatchRun?[batches.Count];
        var queue = new ConcurrentQueue<(int Index, string Sql)>();
        for (var i = 0; i < batches.Count; i++)
        {
            try
            {
                queue.Enqueue((i, render(batches[i])));
            }
            catch (DiagnosticException e)
            {
                runs[i] = new BatchRun(false, null, e.Diagnostic, []);
            }
        }

        void Lane(DbConnection connection)
        {
            while (queue.TryDequeue(out var item))
            {
                var window = batches[item.Index];
                var batch = context.OnConnection(connection, item.Sql);
                try
                {
                    var built = IncrementalMaterialization.Build(batch, options with
                    {
                        FullRefresh = false,
                        Batch = (config.EventTime, window),
                        StagingSuffix = $"incr_b{item.Index}",
                    });
                    runs[item.Index] = new BatchRun(true, built, null, batch.Statements);
                }
                catch (DiagnosticException e)
                {
                    runs[item.Index] = new BatchRun(false, null, e.Diagnostic, batch.Statements);
                }
                catch (DbException e) when (!context.Cancellation.IsCancellationRequested)
                {
                    runs[item.Index] = new BatchRun(false, null, databaseError(e, window, item.Sql, batch.Statements), batch.Statements);
                }
            }
        }

        // The node's own connection is one lane (this thread); the others open theirs. A lane whose
        // connection does not open leaves its batches to the lanes that did.
        var others = Enumerable.Range(1, Math.Min(concurrency.Lanes, queue.Count) - 1).Select(_ => Task.Factory.StartNew(() =>
        {
            DbConnection connection;
            try
            {
                connection = concurrency.Open();
            }
            catch (DiagnosticException)
            {
                return;
            }
            using (connection) Lane(connection);
        }, TaskCreationOptions.LongRunning)).ToArray();
        // A cancelled statement (Ctrl-C, --fail-fast) ends the node as in the sequential path, once every lane has stopped.
        ExceptionDispatchInfo? cancelled = null;
        try
        {
            Lane(context.Connection);
        }
        catch (DbException e)
        {
            cancelled = ExceptionDispatchInfo.Capture(e);
        }
        try
        {
            Task.WaitAll(others);
        }
        catch (AggregateException e)
        {
            cancelled ??= ExceptionDispatchInfo.Capture(e.InnerExceptions[0]);
        }
        cancelled?.Throw();

        var failed = new List<(MicrobatchWindow, Diagnostic)>();
        for (var i = 0; i < batches.Count; i++)
        {
            var run = runs[i]!;
            context.Record(run.Statements);
            if (run.Succeeded)
            {
                successful.Add(batches[i]);
                if (run.Rows is { } n) rows = (rows ?? 0) + n;
            }
            else failed.Add((batches[i], run.Error!));
        }
        return new MicrobatchOutcome(successful, failed, rows);
    }
}
