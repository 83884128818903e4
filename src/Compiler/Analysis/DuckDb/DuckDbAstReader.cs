using System.Globalization;
using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.DuckDb;

// Reads what DuckDB's json_serialize_sql() returns into the neutral lineage model. Expression
// classes it does not know are read generically: every nested expression is an input, which is
// what lineage needs from a function, operator or anything new DuckDB adds.
internal sealed partial class DuckDbAstReader
{
    private readonly List<string> _lambdaParameters = [];

    // utf8: the JSON as UTF-8 bytes, as DuckDB produces it.
    public static QueryParseResult Read(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
        {
            var message = Text(root, "error_message") ?? "unknown parser error";
            var offset = root.TryGetProperty("position", out var position) && position.ValueKind == JsonValueKind.String
                && int.TryParse(position.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? at : -1;
            return QueryParseResult.Failed(message, offset);
        }
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1) return QueryParseResult.Other($"{statements.GetArrayLength()} statements");
        try
        {
            return new QueryParseResult(new DuckDbAstReader().Query(statements[0].GetProperty("node")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A shape this reader does not know (a DuckDB version change): no lineage, not a crash.
            return QueryParseResult.Failed($"unexpected json_serialize_sql output: {e.Message}");
        }
    }

    private QueryNode Query(JsonElement node)
    {
        QueryNode query = Text(node, "type") switch
        {
            "SELECT_NODE" => new SelectQuery(SelectList(node.GetProperty("select_list")), From(node.GetProperty("from_table"))),
            "SET_OPERATION_NODE" => SetOperation(node),
            "RECURSIVE_CTE_NODE" => new SetQuery(SetOperator.Union, Query(node.GetProperty("left")), Query(node.GetProperty("right"))),
            var other => throw new JsonException($"unexpected query node type '{other}' in json_serialize_sql output"),
        };
        return query with { Ctes = Ctes(node) };
    }

    private QueryNode SetOperation(JsonElement node)
    {
        var type = Text(node, "setop_type");
        var op = type switch
        {
            "EXCEPT" => SetOperator.Except,
            "INTERSECT" => SetOperator.Intersect,
            _ => SetOperator.Union,
        };
        var byName = type == "UNION_BY_NAME";
        // Newer DuckDB versions may list the branches as "children" instead of left/right.
        if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            QueryNode? result = null;
            foreach (var child in children.EnumerateArray())
            {
                var branch = Query(child);
                result = result is null ? branch : new SetQuery(op, result, branch, byName);
            }
            return result ?? throw new JsonException("set operation without branches in json_serialize_sql output");
        }
        return new SetQuery(op, Query(node.GetProperty("left")), Query(node.GetProperty("right")), byName);
    }

    private List<CommonTableExpression> Ctes(JsonElement node)
    {
        var ctes = new List<CommonTableExpression>();
        if (!node.TryGetProperty("cte_map", out var map) || !map.TryGetProperty("map", out var entries)) return ctes;
        foreach (var entry in entries.EnumerateArray())
        {
            var value = entry.GetProperty("value");
            ctes.Add(new CommonTableExpression(entry.GetProperty("key").GetString()!, Strings(value, "aliases"),
                Query(value.GetProperty("query").GetProperty("node"))));
        }
        return ctes;
    }

    private List<SelectItem> SelectList(JsonElement list)
    {
        var items = new List<SelectItem>();
        foreach (var item in list.EnumerateArray())
        {
            var alias = Text(item, "alias");
            items.Add(new SelectItem(Expression(item), string.IsNullOrEmpty(alias) ? DefaultName(item) : alias));
        }
        return items;
    }

    private FromItem? From(JsonElement from)
    {
        var alias = NonEmpty(Text(from, "alias"));
        switch (Text(from, "type"))
        {
            case "EMPTY":
                return null;
            case "BASE_TABLE":
                return new TableSource(NonEmpty(Text(from, "catalog_name")), NonEmpty(Text(from, "schema_name")), Text(from, "table_name")!, alias)
                {
                    ColumnAliases = Strings(from, "column_name_alias"),
                };
            case "JOIN":
                return new JoinSource(From(from.GetProperty("left"))!, From(from.GetProperty("right"))!)
                {
                    UsingColumns = Strings(from, "using_columns"),
                };
            case "SUBQUERY":
                return new DerivedSource(Query(from.GetProperty("subquery").GetProperty("node")), alias)
                {
                    ColumnAliases = Strings(from, "column_name_alias"),
                };
            case "EXPRESSION_LIST":
                return Values(from, alias);
            case "TABLE_FUNCTION":
                var function = from.TryGetProperty("function", out var f) ? Text(f, "function_name") : null;
                return new OpaqueSource(alias, $"it is the table function {function ?? "?"}(), whose columns are not known from the SQL");
            case var other:
                return new OpaqueSource(alias, $"it is a {other?.ToLowerInvariant().Replace('_', ' ')} in FROM, which lineage does not follow");
        }
    }

    private static ValuesSource Values(JsonElement from, string? alias)
    {
        var names = Strings(from, "expected_names");
        if (names.Count == 0 && from.TryGetProperty("values", out var rows) && rows.GetArrayLength() > 0)
        {
            // DuckDB names VALUES columns col0, col1, … unless the alias list renames them.
            names = Enumerable.Range(0, rows[0].GetArrayLength()).Select(i => $"col{i}").ToList();
        }
        return new ValuesSource(alias, names);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static List<string> Strings(JsonElement element, string property)
    {
        var list = new List<string>();
        if (!element.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array) return list;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
        }
        return list;
    }
}
