using System.Globalization;
using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>What every artifact file (manifest, catalog, run_results, sources) writes the same way as dbt.</summary>
internal static class ArtifactJson
{
    /// <summary>UTC with microseconds and a Z, as dbt writes timestamps.</summary>
    public static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset time) =>
        json.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));

    /// <summary>The fields that open every artifact's <c>metadata</c> object (the caller starts and ends the object).</summary>
    public static void WriteMetadataFields(Utf8JsonWriter json, string schemaVersion, DateTimeOffset generatedAt, string invocationId)
    {
        json.WriteString("dbt_schema_version", schemaVersion);
        WriteTime(json, "generated_at", generatedAt);
        json.WriteString("invocation_id", invocationId);
    }

    /// <summary>
    /// dbt_version (the dbt release forge matches) and <c>env</c>; the schemas allow no other metadata
    /// field, so forge's own version goes in env.
    /// </summary>
    public static void WriteEnv(Utf8JsonWriter json, string forgeVersion)
    {
        json.WriteString("dbt_version", Context.ProjectGlobals.DbtVersion);
        json.WriteStartObject("env");
        json.WriteString("FORGE_VERSION", forgeVersion);
        json.WriteEndObject();
    }
}
