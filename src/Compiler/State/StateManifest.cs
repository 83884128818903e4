using System.Text.Json;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.State;

/// <summary>
/// The artifacts of a previous run read from <c>--state DIR</c>: its manifest.json nodes and macros,
/// and run_results.json statuses when present.
/// </summary>
public sealed class StateManifest
{
    private StateManifest(Dictionary<string, JsonElement> nodes, Dictionary<string, string?> macros, Dictionary<string, string> results)
    {
        Nodes = nodes;
        MacroChecksums = macros;
        Results = results;
    }

    /// <summary>Nodes and sources by unique id, as written in the manifest.</summary>
    public IReadOnlyDictionary<string, JsonElement> Nodes { get; }

    /// <summary>Macro unique id → checksum (null when the manifest did not record one).</summary>
    public IReadOnlyDictionary<string, string?> MacroChecksums { get; }

    /// <summary>Unique id → status from run_results.json (success, error, fail, warn, pass, skipped).</summary>
    public IReadOnlyDictionary<string, string> Results { get; }

    /// <summary>Reads DIR/manifest.json (required) and DIR/run_results.json (optional); null with a diagnostic when unreadable.</summary>
    public static StateManifest? Load(string directory, DiagnosticBag diagnostics)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            diagnostics.Add(DiagnosticCodes.Selection.StateUnreadable(manifestPath, "manifest.json not found"));
            return null;
        }
        try
        {
            var nodes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var macros = new Dictionary<string, string?>(StringComparer.Ordinal);
            using (var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath)))
            {
                foreach (var section in new[] { "nodes", "sources", "unit_tests" })
                {
                    if (!manifest.RootElement.TryGetProperty(section, out var entries) || entries.ValueKind != JsonValueKind.Object) continue;
                    foreach (var entry in entries.EnumerateObject()) nodes[entry.Name] = entry.Value.Clone();
                }
                if (manifest.RootElement.TryGetProperty("macros", out var macroEntries) && macroEntries.ValueKind == JsonValueKind.Object)
                {
                    foreach (var macro in macroEntries.EnumerateObject()) macros[macro.Name] = ChecksumOf(macro.Value);
                }
            }
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            var resultsPath = Path.Combine(directory, "run_results.json");
            if (File.Exists(resultsPath))
            {
                using var run = JsonDocument.Parse(File.ReadAllBytes(resultsPath));
                if (run.RootElement.TryGetProperty("results", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var result in list.EnumerateArray())
                    {
                        if (result.TryGetProperty("unique_id", out var id) && result.TryGetProperty("status", out var status))
                            results[id.GetString() ?? ""] = status.GetString() ?? "";
                    }
                }
            }
            return new StateManifest(nodes, macros, results);
        }
        catch (JsonException e)
        {
            diagnostics.Add(DiagnosticCodes.Selection.StateUnreadable(manifestPath, $"malformed JSON ({e.Message})"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCodes.Selection.StateUnreadable(manifestPath, e.Message));
            return null;
        }
    }

    /// <summary>The relation a state node built: database, schema and identifier (alias).</summary>
    public (string? Database, string? Schema, string? Identifier)? RelationOf(string uniqueId)
    {
        if (!Nodes.TryGetValue(uniqueId, out var node)) return null;
        var identifier = StringOf(node, "alias") ?? StringOf(node, "identifier") ?? StringOf(node, "name");
        return (StringOf(node, "database"), StringOf(node, "schema"), identifier);
    }

    internal static string? StringOf(JsonElement node, string property) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // dbt's manifest has no macro checksum, only macro_sql (what forge writes now); older forge manifests carry a checksum.
    private static string? ChecksumOf(JsonElement macro) =>
        macro.TryGetProperty("checksum", out var checksum) && checksum.ValueKind == JsonValueKind.Object ? StringOf(checksum, "checksum")
        : StringOf(macro, "macro_sql") is { } sql ? MacroDependencies.Checksum(sql) : null;
}
