using System.Data.Common;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// Builds the new table under a helper name, then swaps it in within one transaction and drops
/// the old version. A failure at any step leaves the previous table (or view) untouched.
/// </summary>
internal static class TableMaterialization
{
    public static long? Build(MaterializationContext context)
    {
        var sql = context.Sql;
        var (db, schema, id) = (context.Database, context.Schema, context.Identifier);
        var temp = sql.HelperName(id, "tmp");
        var backup = sql.HelperName(id, "backup");

        context.Relations.EnsureSchema(context.Connection, db, schema);
        // Leftovers of an interrupted run would make the create fail.
        context.Execute(sql.Drop(db, schema, temp, RelationKind.Table));

        long rows;
        try
        {
            rows = context.Execute(sql.CreateTableAs(db, schema, temp, context.CompiledSql));
            foreach (var option in sql.TableOptions(db, schema, temp, context.Config)) context.Execute(option);
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
            transaction.Commit();
        }
        catch (DbException)
        {
            context.TryExecute(sql.Drop(db, schema, temp, RelationKind.Table));
            throw;
        }

        if (existing == RelationKind.Table) context.Execute(sql.Drop(db, schema, backup, RelationKind.Table));
        if (existing is not null && sql.RefreshDependentViews(db, schema, id) is { } refresh) context.Execute(refresh);
        context.Relations.Set(db, schema, id, RelationKind.Table);
        return rows >= 0 ? rows : null;
    }
}
