using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// dbt's <c>persist_docs</c> (<c>relation: true</c>, <c>columns: true</c>): after a node is built,
/// its description and its columns' descriptions are written into the warehouse, so database
/// tools show them. Only columns the built relation has are described (dbt-duckdb's rule too), and
/// empty descriptions are skipped.
/// </summary>
internal static class DocsPersister
{
    /// <param name="describe">Resolves <c>{{ doc('name') }}</c> in a description.</param>
    public static void Apply(MaterializationContext context, ProjectNode node, RelationKind kind, Func<string?, string> describe)
    {
        if (node.Config.Get("persist_docs") is not IReadOnlyDictionary<string, object?> persist) return;
        var sql = context.Sql;
        var (db, schema, id) = (context.Database, context.Schema, context.Identifier);
        if (IsTrue(persist.GetValueOrDefault("relation")) && describe(node.Description) is { Length: > 0 } description
            && sql.CommentOnRelation(db, schema, id, kind, description) is { } comment)
            context.Execute(comment);

        if (!IsTrue(persist.GetValueOrDefault("columns"))) return;
        var declared = (node.Properties?.Columns ?? [])
            .Select(c => (c.Name, Text: describe(c.Description)))
            .Where(c => c.Text.Length > 0)
            .ToList();
        if (declared.Count == 0) return;
        var existing = context.Columns(db, schema, id).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, text) in declared)
        {
            if (existing.TryGetValue(name, out var column) && sql.CommentOnColumn(db, schema, id, kind, column.Name, text) is { } statement)
                context.Execute(statement);
        }
    }

    private static bool IsTrue(object? value) => value is true || (value is string s && s.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
