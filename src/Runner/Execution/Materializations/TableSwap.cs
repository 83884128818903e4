using System.Data.Common;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// The atomic replace every table-like node uses (tables, seeds, full refreshes): build the new
/// table under a helper name, then in one transaction move the old relation aside and rename the
/// new one in (on DuckDB the build is in that transaction too:
/// <see cref="Compiler.Targets.TargetCapabilities.BuildInSwapTransaction"/>), then drop the old. A failure at any step leaves the previous relation untouched
/// and no helper table behind. A relation that already carries a helper name is never dropped:
/// forge cannot tell a user's table from its own leftover, so the node stops and names it. Once
/// the swap has committed the node has finished, so the clean-up after it is not interrupted.
/// </summary>
internal static class TableSwap
{
    /// <param name="build">Creates and fills the helper table whose name it is given; returns rows written.</param>
    /// <param name="queriesAfterFailure">
    /// The build asks the database about a statement of its own that failed (an enforced contract
    /// names the constraint a row broke), which a transaction aborted by that failure would refuse:
    /// such a build commits on its own before the swap, on every target.
    /// </param>
    public static long Replace(MaterializationContext context, Func<string, long> build, bool queriesAfterFailure = false)
    {
        var sql = context.Sql;
        var (db, schema, id) = (context.Database, context.Schema, context.Identifier);
        var temp = sql.HelperName(id, "tmp");
        var backup = sql.HelperName(id, "backup");

        context.Relations.EnsureSchema(context.Connection, db, schema);
        foreach (var helper in (string[])[temp, backup])
            if (context.Relations.Find(context.Connection, db, schema, helper) is not null)
                throw new Compiler.Diagnostics.DiagnosticException(Compiler.Diagnostics.DiagnosticCodes.Reliability.HelperNameTaken(context.Sql.QualifiedName(db, schema, helper), context.QualifiedName));
        var existing = context.Relations.Find(context.Connection, db, schema, id);
        var rows = sql.Capabilities.BuildInSwapTransaction && !queriesAfterFailure
            ? BuildAndSwap(context, build, temp, backup, existing)
            : BuildThenSwap(context, build, temp, backup, existing);

        if (existing == RelationKind.Table) DropBackup(context, backup);
        if (existing is not null && sql.RefreshDependentViews(db, schema, id) is { } refresh) context.ExecuteToCompletion(refresh);
        context.Relations.Set(db, schema, id, RelationKind.Table);
        return rows;
    }

    /// <summary>The helper table built and committed, then swapped in by a transaction of its own.</summary>
    private static long BuildThenSwap(MaterializationContext context, Func<string, long> build, string temp, string backup, RelationKind? existing)
    {
        var (sql, db, schema) = (context.Sql, context.Database, context.Schema);
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

        try
        {
            using var transaction = context.BeginTransaction();
            Swap(context, temp, backup, existing, transaction);
            transaction.Commit();
        }
        catch (DbException)
        {
            context.TryExecute(sql.Drop(db, schema, temp, RelationKind.Table));
            throw;
        }
        return rows;
    }

    /// <summary>
    /// The helper table built and swapped in by one transaction: the same statements as
    /// <see cref="BuildThenSwap"/>, one commit. Any failure (or exception) rolls all of it back; the
    /// clean-up drop that follows a failure is still sent, so target/run records the same statements.
    /// </summary>
    private static long BuildAndSwap(MaterializationContext context, Func<string, long> build, string temp, string backup, RelationKind? existing)
    {
        var (sql, db, schema) = (context.Sql, context.Database, context.Schema);
        long rows;
        using (var transaction = context.BeginTransaction())
        {
            // Leftovers of an interrupted run would make the create fail.
            context.Execute(sql.Drop(db, schema, temp, RelationKind.Table), transaction);
            try
            {
                rows = build(temp);
                Swap(context, temp, backup, existing, transaction);
                transaction.Commit();
            }
            catch (DbException)
            {
                RollBack(transaction);
                context.TryExecute(sql.Drop(db, schema, temp, RelationKind.Table));
                throw;
            }
        }
        return rows;
    }

    // The error being handled is what the user needs to see, not a failed rollback (disposing the
    // transaction tries again).
    private static void RollBack(DbTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (DbException)
        {
        }
    }

    /// <summary>Moves the old relation aside and the helper table in, inside <paramref name="transaction"/>.</summary>
    private static void Swap(MaterializationContext context, string temp, string backup, RelationKind? existing, DbTransaction transaction)
    {
        var (sql, db, schema, id) = (context.Sql, context.Database, context.Schema, context.Identifier);
        if (existing == RelationKind.View) context.Execute(sql.Drop(db, schema, id, RelationKind.View), transaction);
        if (existing == RelationKind.Table)
        {
            context.Execute(sql.Drop(db, schema, backup, RelationKind.Table), transaction);
            context.Execute(sql.Rename(db, schema, id, backup, RelationKind.Table), transaction);
        }
        context.Execute(sql.Rename(db, schema, temp, id, RelationKind.Table), transaction);
        // Permissions belong to the object: the new one gets the configured grants before it is visible.
        foreach (var grant in sql.ApplyGrants(db, schema, id, context.Config, revokeOthers: false)) context.Execute(grant, transaction);
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
