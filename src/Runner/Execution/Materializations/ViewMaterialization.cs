using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// `create or replace view`. When a table of that name exists it is dropped in the same
/// transaction, so a failing view leaves the old table in place. Views that read this one are
/// refreshed after a rebuild (SQL Server keeps a dependent view's column list until then).
/// </summary>
internal static class ViewMaterialization
{
    /// <param name="query">What the view selects; the model's compiled SQL when null (an external model's file read otherwise).</param>
    public static long? Build(MaterializationContext context, string? query = null)
    {
        var sql = context.Sql;
        context.Relations.EnsureSchema(context.Connection, context.Database, context.Schema);
        var existing = context.Relations.Find(context.Connection, context.Database, context.Schema, context.Identifier);
        var create = sql.CreateView(context.Database, context.Schema, context.Identifier, query ?? context.CompiledSql);
        if (existing == RelationKind.Table)
        {
            using var transaction = context.BeginTransaction();
            context.Execute(sql.Drop(context.Database, context.Schema, context.Identifier, RelationKind.Table), transaction);
            context.Execute(create, transaction);
            foreach (var grant in sql.ApplyGrants(context.Database, context.Schema, context.Identifier, context.Config, revokeOthers: false))
                context.Execute(grant, transaction);
            transaction.Commit();
        }
        else
        {
            context.Execute(create);
            // CREATE OR ALTER keeps an existing view's permissions: the configured set replaces them.
            foreach (var grant in sql.ApplyGrants(context.Database, context.Schema, context.Identifier, context.Config, revokeOthers: existing is not null))
                context.Execute(grant);
        }
        // A view over `select * from` this one keeps the column list it was created with until refreshed.
        if (existing is not null && sql.RefreshDependentViews(context.Database, context.Schema, context.Identifier) is { } refresh)
            context.Execute(refresh);
        context.Relations.Set(context.Database, context.Schema, context.Identifier, RelationKind.View);
        return null;
    }
}
