using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.Snapshots;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.Snapshots;

/// <summary>
/// Writes one snapshot run. First run: the table is built like a table model (helper name, swap).
/// Later runs: the query result is staged, the change set is computed into a second helper table,
/// then new source columns are added, changed and deleted rows closed and new versions inserted,
/// all in one transaction; the helpers are dropped whatever happens.
/// </summary>
internal sealed class SnapshotWriter(MaterializationContext context, SnapshotSpec spec, ProjectNode node, DateTimeOffset snapshotTime)
{
    public (string Verb, long? Rows) Write()
    {
        var sql = context.Sql;
        var (db, schema, id) = (context.Database, context.Schema, context.Identifier);
        context.Relations.EnsureSchema(context.Connection, db, schema);
        // The executor gave the first run the initial SELECT as its SQL (see SnapshotExecutor).
        if (context.Relations.Find(context.Connection, db, schema, id) is null)
        {
            var created = TableMaterialization.Build(context);
            return (created is null ? "CREATE TABLE" : "SELECT", created);
        }

        var staged = sql.HelperName(id, "snapshot_source");
        var changes = sql.HelperName(id, "snapshot_changes");
        var stagedName = sql.StagingName(db, schema, staged);
        var changesName = sql.StagingName(db, schema, changes);
        context.Execute(sql.DropStagingTable(db, schema, staged));
        context.Execute(sql.DropStagingTable(db, schema, changes));
        try
        {
            context.Execute(sql.CreateStagingTable(db, schema, staged, context.CompiledSql));
            var source = context.StagingColumns(db, schema, staged);
            var target = context.Columns(db, schema, id);
            CheckMetaColumns(target);
            var sourceNames = source.Select(c => c.Name).ToList();
            context.Execute(sql.CreateStagingTable(db, schema, changes,
                SnapshotStatements.Changes(sql, spec, stagedName, context.QualifiedName, sourceNames, target.Select(c => c.Name).ToList(), snapshotTime)));

            using var transaction = context.BeginTransaction();
            // dbt adds columns that appear in the source; columns that disappear stay, null from now on.
            var added = source.Where(c => !target.Any(t => Same(t.Name, c.Name))).ToList();
            foreach (var column in added)
                context.Execute(sql.AddColumn(context.QualifiedName, column.Name, column.DataType), transaction);
            // dbt's expand_target_column_types: a longer string in the source would not fit the
            // snapshot's column, and a full refresh would lose the history.
            var widened = source.Select(c => target.FirstOrDefault(t => Same(t.Name, c.Name)) is { } t
                    && sql.WidenedColumnType(t.DataType, c.DataType) is { } wider ? (c.Name, Type: wider) : default)
                .Where(w => w.Name is not null).ToList();
            foreach (var (name, type) in widened)
                context.Execute(sql.AlterColumnType(context.QualifiedName, name, type), transaction);
            // Columns gone from the source stay, null from now on: a NOT NULL copied by an older build would refuse that.
            // hard_deletes switched to new_record on an existing snapshot: the flag column comes now, null for older versions.
            if (spec.NewRecordOnDelete && !target.Any(t => Same(t.Name, spec.Names.IsDeleted)))
                context.Execute(sql.AddColumn(context.QualifiedName, spec.Names.IsDeleted, sql.SnapshotFlagType), transaction);
            foreach (var column in target.Where(t => !source.Any(c => Same(c.Name, t.Name)) && !spec.MetaColumns.Any(m => Same(m, t.Name))))
            {
                if (sql.AllowNulls(context.QualifiedName, column.Name, column.DataType) is { } allow) context.Execute(allow, transaction);
            }
            context.Execute(sql.CloseSnapshotRows(context.QualifiedName, changesName, spec.Names, SnapshotStatements.ChangeTypeColumn, spec.ValidToCurrent), transaction);
            var rows = context.Execute(sql.InsertSnapshotRows(context.QualifiedName, changesName, [.. sourceNames, .. spec.MetaColumns],
                SnapshotStatements.ChangeTypeColumn), transaction);
            foreach (var grant in sql.ApplyGrants(db, schema, id, context.Config, revokeOthers: true)) context.Execute(grant, transaction);
            transaction.Commit();
            // Views over `select *` of the snapshot keep the old column list until refreshed.
            if (added.Count + widened.Count > 0 && sql.RefreshDependentViews(db, schema, id) is { } refresh) context.Execute(refresh);
            return ("INSERT", rows >= 0 ? rows : null);
        }
        finally
        {
            context.TryExecute(sql.DropStagingTable(db, schema, changes));
            context.TryExecute(sql.DropStagingTable(db, schema, staged));
        }
    }

    private void CheckMetaColumns(IReadOnlyList<TableColumn> target)
    {
        foreach (var name in spec.Names.All)
        {
            if (!target.Any(t => Same(t.Name, name)))
                throw new DiagnosticException(DiagnosticCodes.Incremental.SnapshotColumnMissing(node.DefinitionSpan, node.Name, name, context.QualifiedName));
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
