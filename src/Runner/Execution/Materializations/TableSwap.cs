using System.Data.Common;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// The atomic replace every table-like node uses (tables, seeds, full refreshes): build the new
/// table under a helper name, then in one transaction move the old relation aside and rename the
/// new one in, then drop the old. A failure at any step leaves the previous relation untouched
/// and no helper table behind. A relation that already carries a helper name is never dropped:
/// forge cannot tell a user's table from its own leftover, so the node stops and names it. Once
/// the swap has committed the node has finished, so the clean-up after it is not interrupted.
/// </summary>
internal static class TableSwap
{
    /// <param name="build">Creates and fills the helper table whose name it is given; returns rows written.</param>
    public static long Replace(MaterializationContext context, Func<string, long> build)
    {
        var sql = context.Sql;
        var (db, schema, id) = (context.Database, context.Schema, context.Identifier);
        var temp = sql.HelperName(id, "tmp");
        var backup = sql.HelperName(id, "backup");

        context.Relations.EnsureSchema(context.Connection, db, schema);
        foreach (var helper in (string[])[temp, backup])
            if (context.Relations.Find(context.Connection, db, schema, helper) is not null)
                throw new Compiler.Diagnostics.DiagnosticException(Compiler.Diagnostics.DiagnosticCodes.Reliability.HelperNameTaken(context.Sql.QualifiedName(db, schema, helper), context.QualifiedName));
        // Leftovers of an interrupted run would make the create fail.
        context.Execute(sql.Drop(db, schema, temp, RelationKind.Table));

        long rows;
        try
        {
            rows = build(temp);
        }
        catch (DbException)
        {
            context.TryExecute(sql.Drop(db, schema, temp, RelationKind.Table));
            throw;
        }

        var existing = context.Relations.Find(context.Connection, db, schema, id);
        try
        {
            using var transaction = context.BeginTransaction();
            if (existing == RelationKind.View) context.Execute(sql.Drop(db, schema, id, RelationKind.View), transaction);
            if (existing == RelationKind.Table)
            {
                context.Execute(sql.Drop(db, schema, backup, RelationKind.Table), transaction);
                context.Execute(sql.Rename(db, schema, id, backup, RelationKind.Table), transaction);
            }
            context.Execute(sql.Rename(db, schema, temp, id, RelationKind.Table), transaction);
            // Permissions belong to the object: the new one gets the configured grants before it is visible.
            foreach (var grant in sql.ApplyGrants(db, schema, id, context.Config, revokeOthers: false)) context.Execute(grant, transaction);
            transaction.Commit();
        }
        catch (DbException)
        {
            context.TryExecute(sql.Drop(db, schema, temp, RelationKind.Table));
            throw;
        }

        if (existing == RelationKind.Table) DropBackup(context, backup);
        if (existing is not null && sql.RefreshDependentViews(db, schema, id) is { } refresh) context.ExecuteToCompletion(refresh);
        context.Relations.Set(db, schema, id, RelationKind.Table);
        return rows;
    }

    /// <summary>
    /// The swap has committed, so the node succeeded whatever happens here. A foreign key or a
    /// schema-bound view follows the renamed old table and blocks its drop (SQL Server): that is a
    /// warning naming the backup, not a failed model.
    /// </summary>
    private static void DropBackup(MaterializationContext context, string backup)
    {
        var (db, schema) = (context.Database, context.Schema);
        try
        {
            context.ExecuteToCompletion(context.Sql.Drop(db, schema, backup, RelationKind.Table));
        }
        catch (DbException e)
        {
            context.Warnings.Add(Compiler.Diagnostics.DiagnosticCodes.Reliability.BackupKept(
                context.QualifiedName, context.Sql.QualifiedName(db, schema, backup), e.Message.Trim()));
        }
    }
}
