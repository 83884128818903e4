using System.Text.Json;
using ModelForge.Compiler.Artifacts;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Writes the site's data as a script (<c>window.FORGE_DATA = {…};</c>) so the page opens from
/// file:// without fetch. Keys are short: at 5,000 models the file is several megabytes.
/// </summary>
internal static class SiteDataWriter
{
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
            json.WriteStartArray("nodes");
            foreach (var entry in content.Entries) WriteEntry(json, entry);
            json.WriteEndArray();
            json.WriteStartObject("search");
            json.WriteStartArray("tokens");
            foreach (var token in content.Search.Tokens) json.WriteStringValue(token);
            json.WriteEndArray();
            json.WriteStartArray("postings");
            foreach (var postings in content.Search.Postings)
            {
                json.WriteStartArray();
                foreach (var value in postings) json.WriteNumberValue(value);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
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
        if (entry.DescriptionHtml.Length > 0) json.WriteString("desc", entry.DescriptionHtml);
        if (entry.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags) json.WriteStringValue(tag);
            json.WriteEndArray();
        }
        if (entry.Materialized is { } materialized) json.WriteString("mat", materialized);
        if (entry.Relation is { } relation) json.WriteString("rel", relation);
        if (entry.TableType is { } tableType) json.WriteString("ttype", tableType);
        if (entry.Config is { Count: > 0 } config)
        {
            json.WritePropertyName("config");
            JsonValueWriter.Write(json, config);
        }
        if (entry.Columns.Count > 0)
        {
            json.WriteStartArray("cols");
            foreach (var column in entry.Columns) WriteColumn(json, column);
            json.WriteEndArray();
        }
        if (entry.Tests.Count > 0)
        {
            json.WriteStartArray("tests");
            foreach (var test in entry.Tests) json.WriteStringValue(test);
            json.WriteEndArray();
        }
        if (entry.RawCode is { } raw) json.WriteString("raw", raw);
        if (entry.CompiledCode is { } compiled) json.WriteString("sql", compiled);
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

    private static void WriteColumn(Utf8JsonWriter json, SiteColumn column)
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
        if (column.Lineage is { } lineage)
        {
            // Upstream as [node unique id, column, 1 when transformed / 0 when passed through].
            json.WriteStartArray("up");
            foreach (var origin in lineage.Origins)
            {
                json.WriteStartArray();
                json.WriteStringValue(origin.Node);
                json.WriteStringValue(origin.Column);
                json.WriteNumberValue(origin.Transformed ? 1 : 0);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            if (lineage.Unresolved is { } reason) json.WriteString("unresolved", reason);
        }
        json.WriteEndObject();
    }
}
