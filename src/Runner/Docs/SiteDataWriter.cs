using System.Text.Json;
using ModelForge.Compiler.Artifacts;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Writes what every page needs up front as a script (<c>window.FORGE_DATA = {…};</c>), so the
/// page opens from file:// without fetch: per node its name, place, type, edges and layout, no
/// SQL, columns or descriptions (those are in the shards of <see cref="SiteShardWriter"/>).
/// Keys are short: at 10,000 models the file is a few megabytes.
/// </summary>
internal static class SiteDataWriter
{
    public const string FileName = "forge-data.js";

    public static void Write(Stream stream, SiteContent content)
    {
        stream.Write("window.FORGE_DATA = "u8);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("project", content.ProjectName);
            json.WriteString("target", content.TargetType);
            json.WriteString("generatedAt", content.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
            if (content.OverviewHtml is { } overview) json.WriteString("overview", overview);
            else json.WriteNull("overview");
            json.WriteNumber("shardSize", SiteShardWriter.ShardSize);
            json.WriteStartArray("nodes");
            foreach (var entry in content.Entries)
            {
                WriteEntry(json, entry);
                JsonFlush.IfFull(json);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.Write(";\n"u8);
    }

    private static void WriteEntry(Utf8JsonWriter json, SiteEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("name", entry.Name);
        json.WriteString("type", entry.Type);
        json.WriteString("path", entry.Path);
        json.WriteString("folder", entry.Folder);
        if (entry.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags) json.WriteStringValue(tag);
            json.WriteEndArray();
        }
        if (entry.Materialized is { } materialized) json.WriteString("mat", materialized);
        if (entry.Relation is { } relation) json.WriteString("rel", relation);
        if (entry.TableType is { } tableType) json.WriteString("ttype", tableType);
        if (entry.DependsOn.Count > 0)
        {
            json.WriteStartArray("deps");
            foreach (var parent in entry.DependsOn) json.WriteNumberValue(parent);
            json.WriteEndArray();
        }
        if (entry.InGraph)
        {
            json.WriteNumber("L", entry.Layer);
            json.WriteNumber("R", entry.Order);
        }
        if (entry.Run is { } run)
        {
            json.WriteStartObject("run");
            json.WriteString("status", run.Status);
            json.WriteNumber("time", Math.Round(run.ExecutionTime, 3));
            if (run.Message is { } message) json.WriteString("message", message);
            if (run.CompletedAt is { } at) json.WriteString("at", at);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
