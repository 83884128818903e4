using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

internal sealed partial class AdapterObject
{
    private const string DispatchUsage = "adapter.dispatch('macro_name', 'macro_namespace')(args)";

    /// <summary>
    /// dbt's order: for each package to search, try <c>&lt;adapter&gt;__name</c> for the target's
    /// prefixes, then <c>default__name</c>. No namespace searches the global scope (calling package,
    /// root project, built-ins); a namespace searches the project's <c>dispatch:</c> order for it, or
    /// the root project then that package.
    /// </summary>
    private ICallable Dispatch(CallArguments a)
    {
        var name = Args.String(a, 0, "macro_name", "adapter.dispatch", DispatchUsage);
        var ns = Args.OptionalString(a, 1, "macro_namespace", "adapter.dispatch", DispatchUsage);
        var project = state.Project;
        var prefixes = (project.DispatchPrefixes ?? [project.Target.Type]).Append("default").ToList();
        var candidates = new List<string>();
        foreach (var package in SearchPackages(ns))
        {
            foreach (var prefix in prefixes)
            {
                var candidate = prefix + "__" + name;
                if (package is null)
                {
                    if (state.FindMacro(candidate, state.Node.PackageName) is { } found) return found;
                }
                else if (project.Macros.FindInPackage(package, candidate) is { } macro)
                {
                    return state.Bind(macro, package);
                }
                var shown = package is null ? candidate : package + "." + candidate;
                if (!candidates.Contains(shown)) candidates.Add(shown);
            }
        }
        throw ContextErrors.DispatchNotFound(name, candidates, a.CallSpan);
    }

    private IEnumerable<string?> SearchPackages(string? ns)
    {
        if (ns is null) return [null];
        var project = state.Project;
        if (project.DispatchSearchOrder.TryGetValue(ns, out var order) && order.Count > 0) return order;
        return new[] { project.Macros.RootPackage, ns }.Distinct(StringComparer.Ordinal);
    }
}
