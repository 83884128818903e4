using System.Text.Json;
using ModelForge.Compiler.Artifacts;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Writes the search index (<c>forge-search.js</c>, loaded when the search box is first used):
/// <c>forgeSearchIndex({tokens, postings, cols})</c>, where cols lists each node's column names
/// as [node index, [names]] so results can say which columns matched.
/// </summary>
internal static class SiteSearchWriter
{
    public const string FileName = "forge-search.js";

    public static void Write(Stream stream, SiteContent content)
    {
        stream.Write("forgeSearchIndex("u8);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("tokens");
            foreach (var token in content.Search.Tokens)
            {
                json.WriteStringValue(token);
                JsonFlush.IfFull(json);
            }
            json.WriteEndArray();
            json.WriteStartArray("postings");
            foreach (var postings in content.Search.Postings)
            {
                json.WriteStartArray();
                foreach (var value in postings) json.WriteNumberValue(value);
                json.WriteEndArray();
                JsonFlush.IfFull(json);
            }
            json.WriteEndArray();
            json.WriteStartArray("cols");
            for (var i = 0; i < content.Entries.Count; i++)
            {
                var columns = content.Entries[i].Columns;
                if (columns.Count == 0) continue;
                json.WriteStartArray();
                json.WriteNumberValue(i);
                json.WriteStartArray();
                foreach (var column in columns) json.WriteStringValue(column.Name);
                json.WriteEndArray();
                json.WriteEndArray();
                JsonFlush.IfFull(json);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.Write(");\n"u8);
    }
}
