using System.Globalization;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.State;

namespace ModelForge.Compiler.Graph.Selection;

// What each selector method matches on one node.
public sealed partial class SelectorEvaluator
{
    private static bool Matches(ProjectNode node, string method, string value)
    {
        switch (method)
        {
            case SelectorMethods.Fqn: return MatchesFqn(node, value);
            case SelectorMethods.Tag: return node.Config.Tags.Any(t => Wildcard.Matches(t, value));
            case SelectorMethods.Path: return MatchesPath(node.Path, value);
            case SelectorMethods.File: return MatchesFile(node, value);
            case SelectorMethods.TestType:
                // dbt 1.8: "data" is every data test (generic and singular), "unit" the unit tests.
                if (node.ResourceType == ResourceType.UnitTest) return value == "unit";
                return node.ResourceType == ResourceType.Test && (value switch
                {
                    "generic" or "schema" => node.Test is not null,
                    "singular" => node.Test is null,
                    "data" => true,
                    _ => false,
                });
            case SelectorMethods.TestName:
                return node.Test is { } test && (Wildcard.Matches(test.TestName, value) || (test.Namespace is { } ns && Wildcard.Matches($"{ns}.{test.TestName}", value)));
            case SelectorMethods.Source: return MatchesSource(node, value);
            case SelectorMethods.Package: return Wildcard.Matches(node.PackageName, value);
            // dbt: version:latest, version:prerelease (above latest_version), version:old, version:none.
            case SelectorMethods.Version: return (node.ModelVersion?.Kind ?? (node.ResourceType == ResourceType.Model ? "none" : null)) == value;
            default:
                // config.KEY
                return MatchesConfig(node.Config.Get(method[(SelectorMethods.Config.Length + 1)..]), value);
        }
    }

    /// <summary>
    /// dbt's fqn method: the node's name, its unique id, or a dotted prefix of its fqn with or
    /// without the package (<c>shop</c> selects the package, <c>staging</c> and <c>shop.staging</c>
    /// the nodes under models/staging), each part a wildcard.
    /// </summary>
    private static bool MatchesFqn(ProjectNode node, string value)
    {
        // As in dbt, bare names never select sources (a source table is often named like its model): use source:.
        if (node.ResourceType == ResourceType.Source) return false;
        if (Wildcard.Matches(node.Name, value) || node.UniqueId == value) return true;
        // A version is also named <model>_v<v>, as dbt names its relation.
        if (node.Version is { } v && (Wildcard.Matches($"{node.Name}_v{v.AliasSuffix}", value) || Wildcard.Matches($"{node.Name}_v{v}", value)
            || Wildcard.Matches($"{node.Name}.v{v}", value))) return true;
        var parts = value.Split('.');
        var fqn = node.Fqn;
        // Prefix of the fqn: package.folder… selects everything below.
        if (parts.Length <= fqn.Count && Prefix(parts, fqn, 0)) return true;
        // The same without the package: folder.name.
        if (parts.Length < fqn.Count && Prefix(parts, fqn, 1)) return true;
        return false;
    }

    private static bool Prefix(string[] parts, IReadOnlyList<string> fqn, int offset)
    {
        if (parts.Length + offset > fqn.Count) return false;
        for (var i = 0; i < parts.Length; i++)
        {
            if (!Wildcard.Matches(fqn[i + offset], parts[i])) return false;
        }
        return true;
    }

    private static bool MatchesPath(string path, string value)
    {
        value = value.Replace('\\', '/');
        if (value.StartsWith("./", StringComparison.Ordinal)) value = value[2..];
        value = value.TrimEnd('/');
        if (value.Length == 0 || value == ".") return true;
        if (value.Contains('*') || value.Contains('?')) return Wildcard.Matches(path, value) || Wildcard.Matches(path, value + "/*");
        return path == value || path.StartsWith(value + "/", StringComparison.Ordinal);
    }

    /// <summary>The file name, with or without its extension.</summary>
    private static bool MatchesFile(ProjectNode node, string value)
    {
        if (node.ResourceType is ResourceType.Source or ResourceType.UnitTest || (node.ResourceType == ResourceType.Test && node.Test is not null)) return false;
        var slash = node.Path.LastIndexOf('/');
        var file = node.Path[(slash + 1)..];
        var dot = file.LastIndexOf('.');
        var stem = dot > 0 ? file[..dot] : file;
        return Wildcard.Matches(file, value) || Wildcard.Matches(stem, value);
    }

    /// <summary><c>source:raw</c> selects every table of source raw; <c>source:raw.orders</c> one table.</summary>
    private static bool MatchesSource(ProjectNode node, string value)
    {
        if (node.SourceTable is not { } table) return false;
        var dot = value.IndexOf('.');
        if (dot < 0) return Wildcard.Matches(table.SourceName, value);
        var source = value[..dot];
        var rest = value[(dot + 1)..];
        // A package prefix (package.source.table) is accepted too.
        if (rest.Contains('.'))
        {
            if (!Wildcard.Matches(node.PackageName, source)) return false;
            dot = rest.IndexOf('.');
            source = rest[..dot];
            rest = rest[(dot + 1)..];
        }
        return Wildcard.Matches(table.SourceName, source) && Wildcard.Matches(table.Name, rest);
    }

    private static bool MatchesConfig(object? configured, string value) => configured switch
    {
        null => false,
        string s => Wildcard.Matches(s, value),
        bool b => string.Equals(b ? "true" : "false", value, StringComparison.OrdinalIgnoreCase),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) == value,
        IEnumerable<object?> list => list.Any(item => MatchesConfig(item, value)),
        var other => other.ToString() == value,
    };

    private Func<ProjectNode, bool>? ResourceTypePredicate(SelectorCriterion criterion)
    {
        if (!Enum.TryParse<ResourceType>(criterion.Value.Replace("_", ""), ignoreCase: true, out var type) || criterion.Value.Any(char.IsDigit))
        {
            Report(DiagnosticCodes.Selection.UnknownResourceType(criterion.Span, criterion.Value));
            return null;
        }
        return node => node.ResourceType == type;
    }

    private Func<ProjectNode, bool>? StatePredicate(SelectorCriterion criterion)
    {
        var state = _state!;
        var value = criterion.Value;
        if (value == "new") return node => state.IsNew(node.UniqueId);
        if (value == "old") return node => !state.IsNew(node.UniqueId);
        if (value == "unmodified") return node => !state.IsNew(node.UniqueId) && state.Modified(node.UniqueId) == StateChange.None;
        var aspect = value switch
        {
            "modified" => StateChange.Any,
            "modified.body" => StateChange.Body,
            "modified.configs" => StateChange.Configs,
            "modified.persisted_descriptions" or "modified.properties" => StateChange.Properties,
            "modified.macros" => StateChange.Macros,
            "modified.relation" => StateChange.Relation,
            _ => StateChange.None,
        };
        if (aspect == StateChange.None)
        {
            Report(DiagnosticCodes.Selection.UnknownStateValue(criterion.Span, "state", value,
                ["modified", "modified.body", "modified.configs", "modified.persisted_descriptions", "modified.macros", "modified.relation", "new", "old", "unmodified"]));
            return null;
        }
        // dbt: state:modified includes new nodes.
        return node => state.IsNew(node.UniqueId) || (state.Modified(node.UniqueId) & aspect) != 0;
    }

    private Func<ProjectNode, bool>? ResultPredicate(SelectorCriterion criterion)
    {
        string[] known = ["success", "error", "fail", "warn", "pass", "skipped", "runtime error"];
        var value = criterion.Value;
        if (Array.IndexOf(known, value) < 0)
        {
            Report(DiagnosticCodes.Selection.UnknownStateValue(criterion.Span, "result", value, known));
            return null;
        }
        var state = _state!;
        return node => state.ResultOf(node.UniqueId) is { } status && status == value;
    }
}
