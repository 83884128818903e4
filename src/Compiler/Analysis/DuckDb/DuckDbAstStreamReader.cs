using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.DuckDb;

// Reads json_serialize_sql's output in one forward pass over the UTF-8 bytes (Utf8JsonReader),
// building the same lineage model as DuckDbAstReader without a JsonDocument. It relies on the
// order DuckDB's serializer writes: an object's "type" (query nodes, FROM items) or "class"
// (expressions) first, a lambda's parameters before its body. Any other shape, and anything
// DuckDbAstReader would reject, makes it hand the bytes to DuckDbAstReader, whose result is the
// definition of what they mean.
internal sealed partial class DuckDbAstStreamReader
{
    private readonly List<string> _lambdaParameters = [];

    public static QueryParseResult Read(ReadOnlyMemory<byte> utf8) =>
        TryRead(utf8.Span, out var result) ? result : DuckDbAstReader.Read(utf8);

    // False when the JSON is not in the shape this reader follows; the caller falls back.
    public static bool TryRead(ReadOnlySpan<byte> utf8, out QueryParseResult result)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            result = new DuckDbAstStreamReader().Root(ref reader);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            result = null!;
            return false;
        }
    }

    // {"error":false,"statements":[{"node":{…}}]} or {"error":true,"error_message":…,"position":"12"}.
    private QueryParseResult Root(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var error = false;
        string? message = null;
        string? position = null;
        var statements = -1;
        QueryNode? query = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("error"u8)) error = Next(ref reader) == JsonTokenType.True;
            else if (reader.ValueTextEquals("error_message"u8)) message = Text(ref reader);
            else if (reader.ValueTextEquals("position"u8)) position = Text(ref reader);
            else if (reader.ValueTextEquals("statements"u8))
            {
                if (statements >= 0) throw Unexpected("statements given twice");
                Expect(ref reader, JsonTokenType.StartArray);
                statements = 0;
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    if (statements++ == 0) query = StatementBody(ref reader);
                    else reader.Skip();
                }
            }
            else Skip(ref reader);
        }
        if (error)
        {
            var offset = int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : -1;
            return QueryParseResult.Failed(message ?? "unknown parser error", offset);
        }
        if (statements < 0) throw Unexpected("no statements");
        if (statements != 1) return QueryParseResult.Other($"{statements} statements");
        return new QueryParseResult(query);
    }

    // Positioned on a statement's StartObject: {"node":{…}}.
    private QueryNode StatementBody(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected("a statement that is no object");
        QueryNode? node = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("node"u8)) node = Once(node, Query(ref reader));
            else Skip(ref reader);
        }
        return node ?? throw Unexpected("a statement without node");
    }

    // Positioned before a query node's StartObject. The fields of every node type are read as
    // they come (none of them means something else in another type), then the node is built.
    private QueryNode Query(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        return QueryBody(ref reader);
    }

    // Positioned on a query node's StartObject.
    private QueryNode QueryBody(ref Utf8JsonReader reader)
    {
        string? type = null;
        string? setType = null;
        List<CommonTableExpression>? ctes = null;
        List<SelectItem>? items = null;
        FromItem? from = null;
        var hasFrom = false;
        QueryNode? left = null;
        QueryNode? right = null;
        List<QueryNode>? children = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8)) type = Once(type, Text(ref reader) ?? throw Unexpected("a query type that is no string"));
            else if (reader.ValueTextEquals("cte_map"u8)) ctes = Once(ctes, Ctes(ref reader));
            else if (reader.ValueTextEquals("select_list"u8)) items = Once(items, SelectList(ref reader));
            else if (reader.ValueTextEquals("from_table"u8))
            {
                if (hasFrom) throw Unexpected("from_table given twice");
                hasFrom = true;
                from = From(ref reader);
            }
            else if (reader.ValueTextEquals("setop_type"u8)) setType = Text(ref reader);
            else if (reader.ValueTextEquals("left"u8)) left = Once(left, Query(ref reader));
            else if (reader.ValueTextEquals("right"u8)) right = Once(right, Query(ref reader));
            else if (reader.ValueTextEquals("children"u8)) children = Once(children, Queries(ref reader));
            else Skip(ref reader);
        }
        QueryNode query = type switch
        {
            "SELECT_NODE" when items is not null && hasFrom => new SelectQuery(items, from),
            "SET_OPERATION_NODE" => SetOperation(setType, left, right, children),
            "RECURSIVE_CTE_NODE" when left is not null && right is not null => new SetQuery(SetOperator.Union, left, right),
            _ => throw Unexpected($"query node type '{type}' without the fields it needs"),
        };
        return query with { Ctes = ctes ?? [] };
    }

    private static QueryNode SetOperation(string? type, QueryNode? left, QueryNode? right, List<QueryNode>? children)
    {
        var op = type switch
        {
            "EXCEPT" => SetOperator.Except,
            "INTERSECT" => SetOperator.Intersect,
            _ => SetOperator.Union,
        };
        var byName = type == "UNION_BY_NAME";
        // Newer DuckDB versions may list the branches as "children" instead of left/right.
        if (children is not null)
        {
            QueryNode? result = null;
            foreach (var branch in children) result = result is null ? branch : new SetQuery(op, result, branch, byName);
            return result ?? throw Unexpected("a set operation without branches");
        }
        if (left is null || right is null) throw Unexpected("a set operation without left or right");
        return new SetQuery(op, left, right, byName);
    }

    private List<QueryNode> Queries(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var queries = new List<QueryNode>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected("a branch that is no object");
            queries.Add(QueryBody(ref reader));
        }
        return queries;
    }

    // {"map":[{"key":name,"value":{"aliases":[…],"query":{"node":…}}}]}.
    private List<CommonTableExpression> Ctes(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        List<CommonTableExpression>? ctes = null;
        while (NextProperty(ref reader))
        {
            if (!reader.ValueTextEquals("map"u8))
            {
                Skip(ref reader);
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray);
            ctes = Once(ctes, []);
            while (Next(ref reader) != JsonTokenType.EndArray) ctes.Add(Cte(ref reader));
        }
        return ctes ?? [];
    }

    private CommonTableExpression Cte(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected("a CTE that is no object");
        string? name = null;
        List<string>? aliases = null;
        QueryNode? query = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("key"u8)) name = Once(name, Text(ref reader) ?? throw Unexpected("a CTE name that is no string"));
            else if (!reader.ValueTextEquals("value"u8)) Skip(ref reader);
            else
            {
                Expect(ref reader, JsonTokenType.StartObject);
                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("aliases"u8)) aliases = Once(aliases, Strings(ref reader));
                    else if (reader.ValueTextEquals("query"u8)) query = Once(query, Statement(ref reader));
                    else Skip(ref reader);
                }
            }
        }
        if (name is null || query is null) throw Unexpected("a CTE without name or query");
        return new CommonTableExpression(name, aliases ?? [], query);
    }

    // Positioned before a statement's StartObject (a CTE's or a subquery's).
    private QueryNode Statement(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        return StatementBody(ref reader);
    }
}
