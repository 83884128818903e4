using System.Text;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.State;

/// <summary>
/// The current project against the state of a previous run, node by node, as dbt's
/// state:modified does: the raw SQL checksum, the config, YAML properties (description,
/// columns), the relation, and the checksums of the macros the node calls. Results are cached.
/// </summary>
public sealed class StateComparison
{
    private readonly CompiledProject _project;
    private readonly Dictionary<string, StateChange> _changes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _macroChecksums = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public StateComparison(CompiledProject project, StateManifest state)
    {
        _project = project;
        State = state;
    }

    public StateManifest State { get; }

    /// <summary>True when the node is not in the state manifest.</summary>
    public bool IsNew(string uniqueId) => !State.Nodes.ContainsKey(uniqueId);

    /// <summary>The status the node had in the state's run_results.json, or null.</summary>
    public string? ResultOf(string uniqueId) => State.Results.GetValueOrDefault(uniqueId);

    /// <summary>What changed since the state; <see cref="StateChange.None"/> for new nodes (see <see cref="IsNew"/>).</summary>
    public StateChange Modified(string uniqueId)
    {
        lock (_gate)
        {
            if (_changes.TryGetValue(uniqueId, out var cached)) return cached;
            var change = Compare(uniqueId);
            _changes[uniqueId] = change;
            return change;
        }
    }

    private StateChange Compare(string uniqueId)
    {
        if (!State.Nodes.TryGetValue(uniqueId, out var old) || !_project.Nodes.TryGetValue(uniqueId, out var node)) return StateChange.None;
        // A unit test is written to manifest.json's unit_tests map in its own shape; its rows are its body.
        var unitTest = node.ResourceType == Project.ResourceType.UnitTest;
        using var current = JsonDocument.Parse(Serialize(unitTest ? UnitTests.UnitTestDictionary.Of(node) : _project.GraphNodes[uniqueId]));
        var now = current.RootElement;
        var change = StateChange.None;
        if (Canonical(old, "checksum") != Canonical(now, "checksum")) change |= StateChange.Body;
        if (unitTest && (Canonical(old, "given") != Canonical(now, "given") || Canonical(old, "expect") != Canonical(now, "expect")
            || Canonical(old, "overrides") != Canonical(now, "overrides")))
            change |= StateChange.Body;
        if (Canonical(old, "config") != Canonical(now, "config")) change |= StateChange.Configs;
        if (Canonical(old, "description") != Canonical(now, "description") || Canonical(old, "columns") != Canonical(now, "columns"))
            change |= StateChange.Properties;
        if (Canonical(old, "database") != Canonical(now, "database") || Canonical(old, "schema") != Canonical(now, "schema")
            || Canonical(old, "alias") != Canonical(now, "alias"))
            change |= StateChange.Relation;
        foreach (var macro in MacroDependencies.Of(_project, node))
        {
            if (!State.MacroChecksums.TryGetValue(macro, out var before) || before != CurrentMacroChecksum(macro))
            {
                change |= StateChange.Macros;
                break;
            }
        }
        return change;
    }

    private string CurrentMacroChecksum(string macroId)
    {
        if (_macroChecksums.TryGetValue(macroId, out var known)) return known;
        // macro.<package>.<name>; package names have no dots.
        var rest = macroId["macro.".Length..];
        var dot = rest.IndexOf('.');
        var macro = _project.Macros.FindInPackage(rest[..dot], rest[(dot + 1)..]);
        var checksum = macro is null ? "" : MacroDependencies.Checksum(macro);
        _macroChecksums[macroId] = checksum;
        return checksum;
    }

    private static byte[] Serialize(object? value)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream)) JsonValueWriter.Write(json, value);
        return stream.ToArray();
    }

    /// <summary>A property as compact JSON, so formatting differences between writers do not count as changes.</summary>
    private static string? Canonical(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value)) return null;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream)) value.WriteTo(json);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
