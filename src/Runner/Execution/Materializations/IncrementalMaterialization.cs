using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// dbt's incremental materialization. With no table yet (or a view), or on a full refresh, the
/// whole table is built with <see cref="TableMaterialization"/>'s atomic swap. Otherwise the new
/// batch is staged in a helper table, the schema change policy is applied, and the batch is
/// appended, merged or delete+inserted in one transaction: a failure at any point leaves the
/// table exactly as it was.
/// </summary>
internal static class IncrementalMaterialization
{
    public static long? Build(MaterializationContext context, IncrementalOptions options)
    {
        var sql = context.Sql;
        var (db, schema, id) = (context.Database, context.Schema, context.Identifier);
        context.Relations.EnsureSchema(context.Connection, db, schema);
        var existing = context.Relations.Find(context.Connection, db, schema, id);
        if (existing != RelationKind.Table || options.FullRefresh) return TableMaterialization.Build(context);

        var staging = sql.HelperName(id, options.StagingSuffix);
        var stagingName = sql.StagingName(db, schema, staging);
        context.Execute(sql.DropStagingTable(db, schema, staging));
        try
        {
            context.Execute(sql.CreateStagingTable(db, schema, staging, context.CompiledSql));
            var targetColumns = context.Columns(db, schema, id);
            var stagingColumns = context.StagingColumns(db, schema, staging);
            if (options.Batch is { } batch && IsColumnName(batch.EventTime) && !stagingColumns.Any(c => string.Equals(c.Name, batch.EventTime, StringComparison.OrdinalIgnoreCase)))
                throw new DiagnosticException(DiagnosticCodes.Microbatch.EventTimeNotSelected(options.Span, options.Model, batch.EventTime));
            var plan = SchemaChangePlan.Compare(targetColumns, stagingColumns, options.OnSchemaChange,
                sql, contracted: context.Contract is not null);
            if (plan.Fails)
                throw new DiagnosticException(DiagnosticCodes.Incremental.SchemaChanged(options.Span, options.Model, context.QualifiedName,
                    plan.Added.Select(c => c.Name).ToList(), plan.Removed.Select(c => c.Name).ToList(), plan.Retyped.Select(c => c.Name).ToList()));
            if (options.Strategy == "merge" && options.UniqueKey.Count > 0) CheckUniqueKeys(context, options, stagingName);

            long rows;
            var alters = plan.Statements(sql, context.QualifiedName).ToList();
            using (var transaction = context.BeginTransaction())
            {
                foreach (var statement in alters) context.Execute(statement, transaction);
                rows = Apply(context, options, stagingName, plan.InsertColumns, transaction);
                foreach (var grant in sql.ApplyGrants(db, schema, id, context.Config, revokeOthers: true)) context.Execute(grant, transaction);
                transaction.Commit();
            }
            // Views over `select *` of this table keep the old column list until refreshed.
            if (alters.Count > 0 && sql.RefreshDependentViews(db, schema, id) is { } refresh) context.Execute(refresh);
            return rows >= 0 ? rows : null;
        }
        finally
        {
            // Cleanup only: the staged batch is never needed after this run, whatever happened.
            context.TryExecute(sql.DropStagingTable(db, schema, staging));
        }
    }

    private static long Apply(MaterializationContext context, IncrementalOptions options, string staging, IReadOnlyList<string> columns,
        DbTransaction transaction)
    {
        var sql = context.Sql;
        var target = context.QualifiedName;
        switch (options.Strategy)
        {
            case "merge" when options.UniqueKey.Count > 0:
                var update = options.MergeUpdateColumns
                    ?? columns.Where(c => !options.MergeExcludeColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
                return context.Execute(sql.Merge(target, staging, options.UniqueKey, columns, update, options.Predicates), transaction);
            case "microbatch" when options.Batch is { } batch:
                // The batch owns its window: whatever the table held there is replaced, in the same transaction.
                context.Execute(sql.DeleteWindow(target, batch.EventTime, batch.Window.Start, batch.Window.End), transaction);
                return context.Execute(sql.InsertFrom(target, staging, columns), transaction);
            case "delete+insert":
                context.Execute(sql.DeleteMatching(target, staging, options.UniqueKey, options.Predicates), transaction);
                return context.Execute(sql.InsertFrom(target, staging, columns), transaction);
            default:
                // append, and merge without a unique_key (dbt: nothing to match on, insert everything).
                return context.Execute(sql.InsertFrom(target, staging, columns), transaction);
        }
    }

    // event_time may be an expression (dbt writes it into the filter as given); only a bare name can be looked up.
    private static bool IsColumnName(string text) => text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>A merge with two new rows for one key would update a row twice: name the key instead.</summary>
    private static void CheckUniqueKeys(MaterializationContext context, IncrementalOptions options, string staging)
    {
        var duplicates = context.Query(context.Sql.DuplicateKeys(staging, options.UniqueKey, 1));
        if (duplicates.Count == 0) return;
        var row = duplicates[0];
        var values = string.Join(", ", options.UniqueKey.Select((k, i) => $"{k}={Format(row[i])}"));
        throw new DiagnosticException(DiagnosticCodes.Incremental.DuplicateUniqueKey(options.Span, options.Model, options.UniqueKey,
            values, DbNumbers.ToInt64(row[^1]) ?? 0));
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
