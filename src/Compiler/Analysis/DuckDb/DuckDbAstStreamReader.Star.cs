using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.DuckDb;

// * and q.* with EXCLUDE, REPLACE and RENAME; COLUMNS(…) is opaque.
internal sealed partial class DuckDbAstStreamReader
{
    private Parsed Star(ref Utf8JsonReader reader)
    {
        string? alias = null, qualifier = null;
        var columns = false;
        List<string>? exclude = null, qualifiedExclude = null;
        List<StarReplacement>? replace = null;
        List<StarRename>? rename = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("alias"u8)) alias = Text(ref reader);
            else if (reader.ValueTextEquals("columns"u8)) columns = Next(ref reader) == JsonTokenType.True || SkipValue(ref reader);
            else if (reader.ValueTextEquals("relation_name"u8)) qualifier = Text(ref reader);
            else if (reader.ValueTextEquals("exclude_list"u8)) exclude = Once(exclude, Strings(ref reader));
            else if (reader.ValueTextEquals("qualified_exclude_list"u8)) qualifiedExclude = Once(qualifiedExclude, QualifiedExcludes(ref reader));
            else if (reader.ValueTextEquals("replace_list"u8)) replace = Once(replace, Replacements(ref reader));
            else if (reader.ValueTextEquals("rename_list"u8)) rename = Once(rename, Renames(ref reader));
            else Skip(ref reader);
        }
        if (columns)
        {
            return new Parsed(new OpaqueExpression("COLUMNS(…) picks columns by a pattern or lambda, which lineage does not evaluate"), alias, null);
        }
        exclude ??= [];
        if (qualifiedExclude is not null) exclude.AddRange(qualifiedExclude);
        return new Parsed(new StarExpression(NonEmpty(qualifier)) { Exclude = exclude, Replace = replace ?? [], Rename = rename ?? [] }, alias, null);
    }

    // [{"column": name, …}, …]
    private static List<string> QualifiedExcludes(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var columns = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected("an excluded column that is no object");
            string? column = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("column"u8)) column = Text(ref reader);
                else Skip(ref reader);
            }
            if (column is not null) columns.Add(column);
        }
        return columns;
    }

    // [{"key": column, "value": expression}, …]
    private List<StarReplacement> Replacements(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var replacements = new List<StarReplacement>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected("a replacement that is no object");
            string? column = null;
            SqlExpression? expression = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("key"u8)) column = Once(column, StringOrNull(ref reader) ?? throw Unexpected("a replaced column that is no name"));
                else if (reader.ValueTextEquals("value"u8)) expression = Once(expression, Expression(ref reader));
                else Skip(ref reader);
            }
            if (column is null || expression is null) throw Unexpected("a replacement without column or expression");
            replacements.Add(new StarReplacement(column, expression));
        }
        return replacements;
    }

    // [{"key": column or {"column": column, …}, "value": new name}, …]
    private static List<StarRename> Renames(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var renames = new List<StarRename>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected("a rename that is no object");
            string? column = null, newName = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("key"u8)) column = Once(column, RenamedColumn(ref reader) ?? throw Unexpected("a renamed column without a name"));
                else if (reader.ValueTextEquals("value"u8)) newName = Once(newName, StringOrNull(ref reader) ?? throw Unexpected("a rename without a new name"));
                else Skip(ref reader);
            }
            if (column is null || newName is null) throw Unexpected("a rename without column or new name");
            renames.Add(new StarRename(column, newName));
        }
        return renames;
    }

    private static string? RenamedColumn(ref Utf8JsonReader reader)
    {
        switch (Next(ref reader))
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
                string? column = null;
                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("column"u8)) column = Text(ref reader);
                    else Skip(ref reader);
                }
                return column;
            default:
                throw Unexpected("a renamed column that is neither a name nor an object");
        }
    }
}
