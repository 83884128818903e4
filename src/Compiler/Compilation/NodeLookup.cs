using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Finds the node a <c>ref()</c> or <c>source()</c> names, or explains why not with the nearest
/// names as a hint. Disabled nodes are known so the error can say so rather than "unknown".
/// </summary>
internal sealed class NodeLookup
{
    private readonly Dictionary<string, List<ProjectNode>> _refable = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ProjectNode> _sources = [];
    private readonly Dictionary<string, ProjectNode> _disabled = new(StringComparer.Ordinal);

    public NodeLookup(IEnumerable<ProjectNode> nodes, IEnumerable<ProjectNode> disabled)
    {
        foreach (var node in nodes)
        {
            if (node.ResourceType == ResourceType.Source)
                _sources[(node.SourceTable!.SourceName, node.SourceTable.Name)] = node;
            else if (node.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot)
            {
                if (!_refable.TryGetValue(node.Name, out var list)) _refable[node.Name] = list = [];
                list.Add(node);
            }
        }
        foreach (var node in disabled) _disabled.TryAdd(node.Name, node);
    }

    public ProjectNode? ResolveRef(RefCall call, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (_refable.TryGetValue(call.Name, out var candidates))
        {
            var matching = call.Package is null ? candidates : candidates.Where(c => c.PackageName == call.Package).ToList();
            if (matching.Count == 1) return matching[0];
            if (matching.Count > 1)
            {
                diagnostic = Diagnostic.Error(DiagnosticCodes.AmbiguousRef, $"ref '{call.Name}' matches {matching.Count} nodes",
                    call.Span, "name the package too, e.g. ref('package', 'name'), or rename one of them",
                    string.Join("\n", matching.Select(m => $"{m.UniqueId} ({m.Path})")));
                return null;
            }
        }
        if (_disabled.TryGetValue(call.Name, out var off))
        {
            diagnostic = Diagnostic.Error(DiagnosticCodes.DisabledRef, $"ref '{call.Name}' names a disabled {off.ResourceType.ToString().ToLowerInvariant()}",
                call.Span, $"enable it ({off.Path}) or remove this ref");
            return null;
        }
        var nearest = NameSuggester.Nearest(call.Name, _refable.Keys);
        var hint = nearest is not null
            ? $"did you mean '{nearest}' ({_refable[nearest][0].Path})?"
            : "refs name a model, seed or snapshot by its file name without extension";
        diagnostic = Diagnostic.Error(DiagnosticCodes.UnknownRef, $"unknown ref '{call.Name}'", call.Span, hint);
        return null;
    }

    public ProjectNode? ResolveSource(SourceCall call, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (_sources.TryGetValue((call.Source, call.Table), out var node)) return node;
        var sameSource = _sources.Keys.Where(k => k.Item1 == call.Source).Select(k => k.Item2).ToList();
        string hint;
        if (sameSource.Count > 0)
        {
            var nearest = NameSuggester.Nearest(call.Table, sameSource);
            hint = nearest is not null
                ? $"did you mean source('{call.Source}', '{nearest}')?"
                : $"source '{call.Source}' has tables: {string.Join(", ", sameSource.Order(StringComparer.Ordinal))}";
        }
        else
        {
            var nearest = NameSuggester.Nearest(call.Source, _sources.Keys.Select(k => k.Item1).Distinct());
            hint = nearest is not null
                ? $"did you mean source '{nearest}'?"
                : "declare the source in a YAML file under sources:, with its tables";
        }
        diagnostic = Diagnostic.Error(DiagnosticCodes.UnknownSource, $"unknown source '{call.Source}.{call.Table}'", call.Span, hint);
        return null;
    }
}
