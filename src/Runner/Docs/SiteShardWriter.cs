using System.Buffers;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Writes what only a node's own page needs (description, config, columns, tests, SQL) in shards
/// of <see cref="ShardSize"/> consecutive nodes: <c>nodes/&lt;k&gt;.js</c> calls
/// <c>forgeShard(k, [...])</c>. The page adds a script tag for the shard it needs, which works
/// from file:// where fetch does not.
/// </summary>
internal static class SiteShardWriter
{
    public const int ShardSize = 200;
    public const string Folder = "nodes";

    private static readonly JsonEncodedText RawName = JsonEncodedText.Encode("raw");
    private static readonly JsonEncodedText SqlName = JsonEncodedText.Encode("sql");

    public static int ShardCount(int entries) => (entries + ShardSize - 1) / ShardSize;

    public static string FileName(int shard) => $"{shard}.js";

    /// <param name="referenced">Columns some other column comes from (<see cref="SiteLineageWriter.Referenced"/>).</param>
    public static void Write(IBufferWriter<byte> output, SiteContent content, int shard, Dictionary<string, HashSet<string>> referenced)
    {
        output.Write(System.Text.Encoding.ASCII.GetBytes($"forgeShard({shard},"));
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartArray();
            var end = Math.Min(content.Entries.Count, (shard + 1) * ShardSize);
            for (var i = shard * ShardSize; i < end; i++)
            {
                WriteEntry(json, content.Entries[i], referenced);
                JsonFlush.IfFull(json);
            }
            json.WriteEndArray();
        }
        output.Write(");\n"u8);
    }

    private static void WriteEntry(Utf8JsonWriter json, SiteEntry entry, Dictionary<string, HashSet<string>> referenced)
    {
        json.WriteStartObject();
        if (entry.DescriptionHtml.Length > 0) json.WriteString("desc", entry.DescriptionHtml);
        if (entry.Config is { Count: > 0 } config)
        {
            json.WritePropertyName("config");
            JsonValueWriter.Write(json, config);
        }
        if (entry.Columns.Count > 0)
        {
            json.WriteStartArray("cols");
            foreach (var column in entry.Columns) WriteColumn(json, column, column.Lineage is not null || SiteLineageWriter.IsReferenced(referenced, entry.Id, column.Name));
            json.WriteEndArray();
        }
        if (entry.Tests.Count > 0)
        {
            json.WriteStartArray("tests");
            foreach (var test in entry.Tests) json.WriteStringValue(test);
            json.WriteEndArray();
        }
        // SQL is most of a shard's bytes: escaped by runs (the same bytes as WriteString, without its per-character path).
        if (entry.RawCode is { } raw) LongJsonString.Write(json, RawName, raw);
        if (entry.CompiledCode is { } compiled) LongJsonString.Write(json, SqlName, compiled);
        json.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter json, SiteColumn column, bool hasLineage)
    {
        json.WriteStartObject();
        json.WriteString("name", column.Name);
        if (column.Type is { } type) json.WriteString("type", type);
        if (column.DescriptionHtml.Length > 0) json.WriteString("desc", column.DescriptionHtml);
        if (column.Tests.Count > 0)
        {
            json.WriteStartArray("tests");
            foreach (var test in column.Tests) json.WriteStringValue(test);
            json.WriteEndArray();
        }
        // Whether the column lineage panel has something to show, so the page needs forge-lineage.js only when opened.
        if (hasLineage) json.WriteNumber("lin", 1);
        json.WriteEndObject();
    }
}
