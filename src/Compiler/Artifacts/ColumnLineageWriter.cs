using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Writes target/column_lineage.json (forge's own artifact, written by `forge docs generate`): per
/// model, its output columns in select-list order and each column's upstream columns. It lives
/// apart from manifest.json because dbt's manifest v12 schema allows no extra field on a node;
/// the per-column <c>lineage</c> stays in the manifest's columns, which the schema leaves open.
/// </summary>
public static class ColumnLineageWriter
{
    // Written once per upstream column (hundreds of thousands at 10,000 models): encoded once here.
    private static readonly JsonEncodedText Lineage = JsonEncodedText.Encode("lineage");
    private static readonly JsonEncodedText Node = JsonEncodedText.Encode("node");
    private static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Direct = JsonEncodedText.Encode("direct");
    private static readonly JsonEncodedText Transformed = JsonEncodedText.Encode("transformed");
    private static readonly JsonEncodedText Unresolved = JsonEncodedText.Encode("unresolved");

    public static void Write(Stream stream, IReadOnlyDictionary<string, ModelLineage> lineage, string invocationId, DateTimeOffset generatedAt)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        json.WriteString("forge_schema_version", "column_lineage/v1");
        ArtifactJson.WriteTime(json, "generated_at", generatedAt);
        json.WriteString("invocation_id", invocationId);
        json.WriteEndObject();
        json.WriteStartObject("models");
        foreach (var (id, model) in lineage.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(id);
            json.WriteStartArray("output_columns");
            foreach (var column in model.Columns) json.WriteStringValue(column.Name);
            json.WriteEndArray();
            WriteNullable(json, "unresolved", model.Unresolved);
            json.WriteStartObject("columns");
            foreach (var column in model.Columns)
            {
                json.WriteStartObject(column.Name);
                json.WriteStartArray(Lineage);
                foreach (var origin in column.Upstream)
                {
                    json.WriteStartObject();
                    json.WriteString(Node, origin.Node);
                    json.WriteString(Column, origin.Column);
                    json.WriteString(Kind, origin.Kind == LineageKind.Direct ? Direct : Transformed);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                if (column.Unresolved is { } reason) json.WriteString(Unresolved, reason);
                else json.WriteNull(Unresolved);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            JsonFlush.IfFull(json);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
