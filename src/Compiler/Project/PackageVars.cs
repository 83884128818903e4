namespace ModelForge.Compiler.Project;

/// <summary>
/// The vars a package's nodes see, layered as dbt's <c>ModelConfiguredVar</c> does (later wins):
/// the package's own <c>vars:</c> (globals, then its own scope), the root project's <c>vars:</c>
/// (globals, then its <c>vars: {package: …}</c> scope), then <c>--vars</c>.
/// </summary>
internal static class PackageVars
{
    public static Dictionary<string, object?> For(ProjectFile package, ProjectFile root, IReadOnlyDictionary<string, object?> cliVars)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        Layer(merged, package.VarsAsWritten, package.Name);
        Layer(merged, root.VarsAsWritten, package.Name);
        foreach (var (key, value) in cliVars) merged[key] = value;
        return merged;
    }

    // dbt's VarProvider.vars_for: every var as written (scopes included), then the package's scope.
    private static void Layer(Dictionary<string, object?> merged, IReadOnlyDictionary<string, object?> written, string package)
    {
        foreach (var (key, value) in written) merged[key] = value;
        if (written.TryGetValue(package, out var scoped) && scoped is IReadOnlyDictionary<string, object?> scope)
        {
            foreach (var (key, value) in scope) merged[key] = value;
        }
    }
}
