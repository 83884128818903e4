using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Writes target/catalog.json in the shape of dbt's catalog (v1): nodes and sources, each with
/// metadata (type, schema, name, database) and columns {name, type, index}, so tools that read
/// dbt's catalog read ours.
/// </summary>
public static class CatalogWriter
{
    public static void Write(Stream stream, Catalog catalog, string invocationId, DateTimeOffset generatedAt)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        ArtifactJson.WriteMetadataFields(json, "https://schemas.getdbt.com/dbt/catalog/v1.json", generatedAt, invocationId);
        json.WriteEndObject();
        WriteTables(json, "nodes", catalog.Nodes);
        WriteTables(json, "sources", catalog.Sources);
        json.WriteNull("errors");
        json.WriteEndObject();
    }

    private static void WriteTables(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, CatalogTable> tables)
    {
        json.WriteStartObject(name);
        foreach (var (id, table) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(id);
            json.WriteStartObject("metadata");
            json.WriteString("type", table.Type);
            json.WriteString("schema", table.Schema);
            json.WriteString("name", table.Name);
            if (table.Database is { } database) json.WriteString("database", database);
            else json.WriteNull("database");
            json.WriteNull("comment");
            json.WriteNull("owner");
            json.WriteEndObject();
            json.WriteStartObject("columns");
            foreach (var column in table.Columns)
            {
                json.WriteStartObject(column.Name);
                json.WriteString("type", column.Type);
                json.WriteNumber("index", column.Index);
                json.WriteString("name", column.Name);
                json.WriteNull("comment");
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("stats");
            json.WriteEndObject();
            json.WriteString("unique_id", id);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
