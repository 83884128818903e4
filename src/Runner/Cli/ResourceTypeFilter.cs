using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Cli;

/// <summary>
/// dbt's --resource-type / --exclude-resource-type: names as dbt spells them (unit_test,
/// semantic_model), several allowed, space- or comma-separated. Types forge has no nodes of
/// (exposure, metric, semantic_model, saved_query) are accepted and simply match nothing, so dbt
/// scripts run unchanged.
/// </summary>
internal static class ResourceTypeFilter
{
    public static readonly IReadOnlyList<string> Names =
        ["model", "test", "unit_test", "seed", "snapshot", "source", "analysis", "exposure", "metric", "semantic_model", "saved_query", "all", "default"];

    /// <summary>
    /// <paramref name="offered"/> narrowed by the two options (each empty when not given); null
    /// (error printed) for a name dbt does not know.
    /// </summary>
    public static HashSet<ResourceType>? Apply(IReadOnlySet<ResourceType> offered, IReadOnlyList<string> include, IReadOnlyList<string> exclude, CliEnvironment environment)
    {
        var chosen = new HashSet<ResourceType>(offered);
        if (Split(include) is { Count: > 0 } included)
        {
            if (Resolve("--resource-type", included, offered, environment) is not { } types) return null;
            chosen.IntersectWith(types);
        }
        if (Split(exclude) is { Count: > 0 } excluded)
        {
            if (Resolve("--exclude-resource-type", excluded, offered, environment) is not { } types) return null;
            chosen.ExceptWith(types);
        }
        return chosen;
    }

    private static HashSet<ResourceType>? Resolve(string option, List<string> names, IReadOnlySet<ResourceType> offered, CliEnvironment environment)
    {
        var types = new HashSet<ResourceType>();
        foreach (var name in names)
        {
            var lower = name.ToLowerInvariant();
            if (!Names.Contains(lower))
            {
                DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Commands.UnknownResourceType(option, name, Names.ToList())]);
                return null;
            }
            if (lower is "all" or "default") types.UnionWith(offered);
            // By name, so a type forge adds later (unit_test → UnitTest) is matched without a table here.
            else if (Enum.TryParse<ResourceType>(lower.Replace("_", ""), ignoreCase: true, out var type)) types.Add(type);
        }
        return types;
    }

    private static List<string> Split(IReadOnlyList<string> values) =>
        values.SelectMany(v => v.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
