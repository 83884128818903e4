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
    /// the root project then that package. The built-in T-SQL shims for that namespace
    /// (<see cref="TsqlShims"/>) are searched right before the package itself; they hold only
    /// <c>sqlserver__</c> macros, so other targets never pick one.
    /// </summary>
    private ICallable Dispatch(CallArguments a)
    {
        var name = Args.String(a, 0, "macro_name", "adapter.dispatch", DispatchUsage);
        var ns = Args.OptionalString(a, 1, "macro_namespace", "adapter.dispatch", DispatchUsage);
        // Which macro a dispatch picks depends only on the invocation's macros and settings (and, with
        // no namespace, the calling package): searched once, bound per render as any macro.
        // Names of macros, namespaces and packages hold no '|'.
        // One string, no array of the parts (string.Concat of five takes one): read on every dispatching call.
        var key = RenderInputs.KeyOf("", name, ns ?? "", ns is null ? state.Node.PackageName : "");
        if (!state.Project.Dispatched.TryGetValue(key, out var picked))
        {
            picked = Search(name, ns, a);
            state.Project.Dispatched.TryAdd(key, picked);
        }
        return state.Bind(picked.Macro, picked.Package);
    }

    private MacroPick Search(string name, string? ns, CallArguments a)
    {
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
                    if (project.Macros.Find(candidate, state.Node.PackageName) is { } found) return found;
                }
                else if (project.Macros.FindInPackage(package, candidate) is { } macro)
                {
                    // A shim is bound to its own package: its unqualified calls see the shim package,
                    // the root project and the built-ins, so shims call package helpers qualified
                    // (dbt_utils.x), exactly as a macro in tsql_utils has to.
                    return new MacroPick(macro, package);
                }
                // The shims are an implementation detail; naming them in "looked for" only confuses.
                if (package is not null && TsqlShims.IsShimPackage(package)) continue;
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
        var macros = project.Macros;
        var shims = TsqlShims.PackageFor(ns);
        var hasShims = macros.HasPackage(shims);
        if (project.DispatchSearchOrder.TryGetValue(ns, out var order) && order.Count > 0)
        {
            return hasShims ? WithShims(order, ns, shims) : order;
        }
        return (hasShims ? new[] { macros.RootPackage, shims, ns } : [macros.RootPackage, ns]).Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The user's <c>dispatch:</c> order wins. <c>forge_tsql</c> in it means the built-in shims, and
    /// so does <c>tsql_utils</c> when that package is not installed (a project migrated from dbt keeps
    /// working after dropping the package); an installed <c>tsql_utils</c> is used as listed. An order
    /// that names no shim at all gets the built-in shims right before the namespace package, since the
    /// package's default__ macros are not T-SQL.
    /// </summary>
    private IEnumerable<string?> WithShims(IReadOnlyList<string> order, string ns, string shims)
    {
        var macros = state.Project.Macros;
        var communityInstalled = macros.HasPackage(TsqlShims.CommunityPackage);
        var result = new List<string>(order.Count + 1);
        var named = false;
        foreach (var package in order)
        {
            if (package == TsqlShims.Alias || (package == TsqlShims.CommunityPackage && !communityInstalled))
            {
                result.Add(shims);
                named = true;
            }
            else
            {
                if (package == TsqlShims.CommunityPackage || package == shims) named = true;
                result.Add(package);
            }
        }
        if (!named)
        {
            var at = result.IndexOf(ns);
            if (at >= 0) result.Insert(at, shims);
        }
        return result.Distinct(StringComparer.Ordinal);
    }
}
