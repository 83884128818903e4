using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

internal static partial class ProfilesLoader
{
    private static TargetProfile? ReadOutput(YamlReader reader, string root, string name, YamlNode keyNode, YamlNode node)
    {
        var output = reader.Mapping(node, name);
        var keySpan = reader.Span(keyNode);
        if (output is null)
        {
            if (YamlReader.IsNull(node)) reader.Diagnostics.Add(DiagnosticCodes.Project.UnknownProfileType(keySpan, null, WarehouseAdapters.KnownTypes));
            return null;
        }
        var errorsBefore = ErrorCount(reader.Diagnostics);
        var settings = (Dictionary<string, object?>)reader.Value(output)!;
        var typeNode = YamlReader.Get(output, "type");
        var type = reader.String(typeNode, "type")?.Trim().ToLowerInvariant();
        // The one lookup of the warehouse by name: everything target-specific comes from the adapter.
        var adapter = WarehouseAdapters.Find(type);
        if (type is null || adapter is null)
        {
            if (type is not null || YamlReader.IsNull(typeNode))
                reader.Diagnostics.Add(DiagnosticCodes.Project.UnknownProfileType(typeNode is null ? keySpan : reader.Span(typeNode), type, WarehouseAdapters.KnownTypes));
            return null;
        }
        var threadsNode = YamlReader.Get(output, "threads");
        var threads = reader.Integer(threadsNode, "threads") ?? 1;
        if (threads < 1)
        {
            reader.Diagnostics.Add(DiagnosticCodes.Project.InvalidProfileValue(reader.Span(threadsNode!),
                $"'threads' must be at least 1, not {threads}", "set threads: 1 or more"));
        }
        var profile = adapter.ReadProfile(new ProfileOutput(reader, root, name, output, keySpan));
        // A wrong type in any field (reported by the reader) makes the target unusable.
        if (profile is null || threads < 1 || ErrorCount(reader.Diagnostics) != errorsBefore) return null;
        return profile with { Threads = (int)Math.Min(threads, 1024), Settings = settings, SourceSpan = keySpan };
    }

    internal static int ErrorCount(DiagnosticBag diagnostics) => diagnostics.ToList().Count(d => d.IsError);
}
