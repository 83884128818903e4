using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.DuckDb;

// FROM items: the fields of every kind are read as they come, then the item is built from its type.
internal sealed partial class DuckDbAstStreamReader
{
    // Positioned before the item's StartObject; null for EMPTY (a select without FROM).
    private FromItem? From(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? type = null, alias = null, catalog = null, schema = null, table = null, function = null;
        List<string>? columnAliases = null, usingColumns = null, expectedNames = null;
        FromItem? left = null, right = null;
        bool hasLeft = false, hasRight = false;
        QueryNode? subquery = null;
        var firstRowWidth = -1;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8)) type = Once(type, Text(ref reader) ?? throw Unexpected("a FROM type that is no string"));
            else if (reader.ValueTextEquals("alias"u8)) alias = Text(ref reader);
            else if (reader.ValueTextEquals("catalog_name"u8)) catalog = Text(ref reader);
            else if (reader.ValueTextEquals("schema_name"u8)) schema = Text(ref reader);
            else if (reader.ValueTextEquals("table_name"u8)) table = Text(ref reader);
            else if (reader.ValueTextEquals("column_name_alias"u8)) columnAliases = Once(columnAliases, Strings(ref reader));
            else if (reader.ValueTextEquals("using_columns"u8)) usingColumns = Once(usingColumns, Strings(ref reader));
            else if (reader.ValueTextEquals("expected_names"u8)) expectedNames = Once(expectedNames, Strings(ref reader));
            else if (reader.ValueTextEquals("left"u8))
            {
                if (hasLeft) throw Unexpected("left given twice");
                hasLeft = true;
                left = From(ref reader);
            }
            else if (reader.ValueTextEquals("right"u8))
            {
                if (hasRight) throw Unexpected("right given twice");
                hasRight = true;
                right = From(ref reader);
            }
            else if (reader.ValueTextEquals("subquery"u8)) subquery = Once(subquery, Statement(ref reader));
            else if (reader.ValueTextEquals("values"u8)) firstRowWidth = FirstRowWidth(ref reader);
            else if (reader.ValueTextEquals("function"u8)) function = FunctionName(ref reader);
            else Skip(ref reader);
        }
        alias = NonEmpty(alias);
        switch (type)
        {
            case "EMPTY":
                return null;
            case "BASE_TABLE":
                return new TableSource(NonEmpty(catalog), NonEmpty(schema), table!, alias) { ColumnAliases = columnAliases ?? [] };
            case "JOIN" when hasLeft && hasRight:
                return new JoinSource(left!, right!) { UsingColumns = usingColumns ?? [] };
            case "SUBQUERY" when subquery is not null:
                return new DerivedSource(subquery, alias) { ColumnAliases = columnAliases ?? [] };
            case "EXPRESSION_LIST":
                var names = expectedNames ?? [];
                // DuckDB names VALUES columns col0, col1, … unless the alias list renames them.
                if (names.Count == 0 && firstRowWidth > 0) names = Enumerable.Range(0, firstRowWidth).Select(i => $"col{i}").ToList();
                return new ValuesSource(alias, names);
            case "TABLE_FUNCTION":
                return new OpaqueSource(alias, $"it is the table function {function ?? "?"}(), whose columns are not known from the SQL");
            case "JOIN" or "SUBQUERY" or null:
                throw Unexpected($"a FROM item of type '{type}' without the fields it needs");
            default:
                return new OpaqueSource(alias, $"it is a {type.ToLowerInvariant().Replace('_', ' ')} in FROM, which lineage does not follow");
        }
    }

    // VALUES rows: [[expr, …], …]; only the first row's width matters (-1 without rows).
    private static int FirstRowWidth(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        if (Next(ref reader) == JsonTokenType.EndArray) return -1;
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected("a VALUES row that is no array");
        var width = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            width++;
            reader.Skip();
        }
        while (Next(ref reader) != JsonTokenType.EndArray) reader.Skip();
        return width;
    }

    // A table function's call: {"function_name": …, …}.
    private static string? FunctionName(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? name = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("function_name"u8)) name = Text(ref reader);
            else Skip(ref reader);
        }
        return name;
    }
}
