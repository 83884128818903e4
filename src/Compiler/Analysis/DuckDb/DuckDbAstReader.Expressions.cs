using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.DuckDb;

// Expressions: column references, stars, subqueries and lambdas by class, the rest generically.
internal sealed partial class DuckDbAstReader
{
    private SqlExpression Expression(JsonElement expression)
    {
        switch (Text(expression, "class"))
        {
            case "COLUMN_REF":
                var parts = Strings(expression, "column_names");
                // A lambda's own parameter (x in `x -> x + 1`) is no column.
                return parts.Count == 1 && _lambdaParameters.Contains(parts[0]) ? ComputedExpression.Literal : new ColumnReference(parts);
            case "CONSTANT":
            case "PARAMETER":
                return ComputedExpression.Literal;
            case "STAR":
                return Star(expression);
            case "SUBQUERY":
                var inputs = expression.TryGetProperty("child", out var child) && child.ValueKind == JsonValueKind.Object
                    ? [Expression(child)] : new List<SqlExpression>();
                return new SubqueryExpression(Query(expression.GetProperty("subquery").GetProperty("node")), inputs);
            case "LAMBDA":
                return Lambda(expression);
            default:
                var children = new List<SqlExpression>();
                foreach (var property in expression.EnumerateObject()) CollectExpressions(property.Value, children);
                return new ComputedExpression(children);
        }
    }

    private void CollectExpressions(JsonElement value, List<SqlExpression> into)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.TryGetProperty("class", out _):
                into.Add(Expression(value));
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject()) CollectExpressions(property.Value, into);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) CollectExpressions(item, into);
                break;
        }
    }

    private SqlExpression Star(JsonElement star)
    {
        if (star.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.True)
        {
            return new OpaqueExpression("COLUMNS(…) picks columns by a pattern or lambda, which lineage does not evaluate");
        }
        var qualifier = NonEmpty(Text(star, "relation_name"));
        var exclude = Strings(star, "exclude_list");
        if (star.TryGetProperty("qualified_exclude_list", out var qualified))
        {
            foreach (var entry in qualified.EnumerateArray())
            {
                if (Text(entry, "column") is { } column) exclude.Add(column);
            }
        }
        var replace = new List<StarReplacement>();
        if (star.TryGetProperty("replace_list", out var replacements))
        {
            foreach (var entry in replacements.EnumerateArray())
            {
                replace.Add(new StarReplacement(entry.GetProperty("key").GetString()!, Expression(entry.GetProperty("value"))));
            }
        }
        var rename = new List<StarRename>();
        if (star.TryGetProperty("rename_list", out var renames))
        {
            foreach (var entry in renames.EnumerateArray())
            {
                var key = entry.GetProperty("key");
                var column = key.ValueKind == JsonValueKind.String ? key.GetString() : Text(key, "column");
                if (column is not null) rename.Add(new StarRename(column, entry.GetProperty("value").GetString()!));
            }
        }
        return new StarExpression(qualifier) { Exclude = exclude, Replace = replace, Rename = rename };
    }

    private SqlExpression Lambda(JsonElement lambda)
    {
        var parameters = new List<SqlExpression>();
        if (lambda.TryGetProperty("lhs", out var lhs)) CollectExpressions(lhs, parameters);
        var names = parameters.OfType<Lineage.Syntax.ColumnReference>().Select(c => c.Parts[^1]).ToList();
        _lambdaParameters.AddRange(names);
        try
        {
            return new ComputedExpression([Expression(lambda.GetProperty("expr"))]);
        }
        finally
        {
            _lambdaParameters.RemoveRange(_lambdaParameters.Count - names.Count, names.Count);
        }
    }

    // The name DuckDB gives an unaliased select item: a column's own name; for simple function
    // calls the call as written (lower(name)); null when it is not worth reproducing.
    private static string? DefaultName(JsonElement item)
    {
        switch (Text(item, "class"))
        {
            case "COLUMN_REF":
                var parts = Strings(item, "column_names");
                return parts.Count > 0 ? parts[^1] : null;
            case "FUNCTION" when item.TryGetProperty("children", out var children):
                var args = new List<string>();
                foreach (var child in children.EnumerateArray())
                {
                    if (DefaultName(child) is not { } arg) return null;
                    args.Add(arg);
                }
                var name = Text(item, "function_name");
                return name == "count_star" ? "count_star()" : $"{name}({string.Join(", ", args)})";
            default:
                return null;
        }
    }
}
