using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Finds the node a <c>ref()</c> or <c>source()</c> names, or explains why not with the nearest
/// names as a hint. Disabled nodes are known so the error can say so rather than "unknown".
/// Names are keyed by package: two packages may each have a model <c>x</c>. An unqualified name is
/// searched as dbt's <c>resolve_ref</c> does: the root project, then the calling node's package,
/// then any package (ambiguous when several remain).
/// </summary>
internal sealed class NodeLookup
{
    private readonly string _rootPackage;
    private readonly Dictionary<string, List<ProjectNode>> _refable = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Table), List<ProjectNode>> _sources = [];
    private readonly Dictionary<string, ProjectNode> _disabled = new(StringComparer.Ordinal);

    public NodeLookup(string rootPackage, IEnumerable<ProjectNode> nodes, IEnumerable<ProjectNode> disabled)
    {
        _rootPackage = rootPackage;
        // Sized once: 10,000 models name as many lists (growth rehashed every name on the way).
        if (nodes.TryGetNonEnumeratedCount(out var count)) _refable.EnsureCapacity(count);
        foreach (var node in nodes)
        {
            // Two plain adds, not one generic over the key: an instantiation over the tuple key is compiled at run time.
            if (node.ResourceType == ResourceType.Source)
            {
                var key = (node.SourceTable!.SourceName, node.SourceTable.Name);
                if (!_sources.TryGetValue(key, out var list)) _sources[key] = list = [];
                list.Add(node);
            }
            else if (node.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot)
            {
                if (!_refable.TryGetValue(node.Name, out var list)) _refable[node.Name] = list = [];
                list.Add(node);
            }
        }
        foreach (var node in disabled) _disabled.TryAdd(node.Name, node);
    }

    /// <param name="fromPackage">The package of the node whose render made the call.</param>
    public ProjectNode? ResolveRef(RefCall call, string fromPackage, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (_refable.TryGetValue(call.Name, out var candidates))
        {
            // Most names have one node, unversioned: found without building candidate lists.
            if (candidates is [{ ModelVersion: null } only] && (call.Package is null || call.Package == only.PackageName)) return only;
            var matching = Search(candidates, call.Package, fromPackage);
            if (AnyVersioned(matching))
            {
                // A versioned model: v= picks one, no v the latest (dbt's resolve_ref).
                var version = matching.Select(m => m.ModelVersion).First(v => v is not null)!;
                var wanted = call.Version ?? version.Latest;
                var pinned = matching.Where(m => m.Version == wanted).ToList();
                if (pinned.Count == 0)
                {
                    diagnostic = DiagnosticCodes.Access.UnknownVersion(call.Span, call.Name, wanted,
                        matching.Where(m => m.Version is not null).Select(m => m.Version!.Value));
                    return null;
                }
                matching = pinned;
            }
            if (matching.Count == 1) return matching[0];
            if (matching.Count > 1)
            {
                diagnostic = Diagnostic.Error(DiagnosticCodes.AmbiguousRef, $"ref '{call.Name}' matches {matching.Count} nodes",
                    call.Span, "name the package too, e.g. ref('package', 'name'), or rename one of them",
                    string.Join("\n", matching.Select(m => $"{m.UniqueId} ({m.Path})")));
                return null;
            }
        }
        if (_disabled.TryGetValue(call.Name, out var off) && (call.Package is null || call.Package == off.PackageName))
        {
            diagnostic = Diagnostic.Error(DiagnosticCodes.DisabledRef, $"ref '{call.Name}' names a disabled {off.ResourceType.ToString().ToLowerInvariant()}",
                call.Span, $"enable it ({off.Path}) or remove this ref");
            return null;
        }
        var nearest = NameSuggester.Nearest(call.Name, _refable.Keys);
        var hint = candidates is { Count: > 0 } && call.Package is not null
            ? $"package '{call.Package}' has no '{call.Name}'; it is in {string.Join(", ", candidates.Select(c => $"'{c.PackageName}'"))}"
            : nearest is not null
                ? $"did you mean '{nearest}' ({_refable[nearest][0].Path})?"
                : "refs name a model, seed or snapshot by its file name without extension";
        var shown = call.Package is null ? call.Name : $"{call.Package}.{call.Name}";
        diagnostic = Diagnostic.Error(DiagnosticCodes.UnknownRef, $"unknown ref '{shown}'", call.Span, hint);
        return null;
    }

    public ProjectNode? ResolveSource(SourceCall call, string fromPackage, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (_sources.TryGetValue((call.Source, call.Table), out var candidates))
        {
            if (candidates is [var only]) return only;
            var matching = Search(candidates, null, fromPackage);
            if (matching.Count >= 1) return matching[0];
        }
        var sameSource = _sources.Keys.Where(k => k.Source == call.Source).Select(k => k.Table).ToList();
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
            var nearest = NameSuggester.Nearest(call.Source, _sources.Keys.Select(k => k.Source).Distinct());
            hint = nearest is not null
                ? $"did you mean source '{nearest}'?"
                : "declare the source in a YAML file under sources:, with its tables";
        }
        diagnostic = Diagnostic.Error(DiagnosticCodes.UnknownSource, $"unknown source '{call.Source}.{call.Table}'", call.Span, hint);
        return null;
    }

    private static bool AnyVersioned(List<ProjectNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Version is not null) return true;
        }
        return false;
    }

    // dbt's _packages_to_search: a named package only; else the root project, then the caller's
    // package, then every package. One candidate (the usual case) is found in every order, so it
    // is returned as it is: this runs for every ref of every render.
    private List<ProjectNode> Search(List<ProjectNode> candidates, string? package, string fromPackage)
    {
        if (candidates.Count == 1 && (package is null || candidates[0].PackageName == package)) return candidates;
        if (package is not null) return candidates.Where(c => c.PackageName == package).ToList();
        var root = candidates.Where(c => c.PackageName == _rootPackage).ToList();
        if (root.Count > 0) return root;
        var own = candidates.Where(c => c.PackageName == fromPackage).ToList();
        return own.Count > 0 ? own : candidates;
    }
}
