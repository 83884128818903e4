using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>
/// <c>var(name, default)</c>: command-line vars, then vars scoped to the node's package, then the
/// project's global vars. Also <c>var.has_var(name)</c>.
/// </summary>
internal sealed class VarFunction(RenderState state) : ICallable, ITemplateObject
{
    private const string Usage = "var('name') or var('name', default)";

    public object? Call(CallArguments arguments)
    {
        var name = Args.String(arguments, 0, "name", "var", Usage);
        var found = TryFind(name, out var value);
        state.Node.Inputs?.Record(RenderInputs.KeyOf(RenderInputs.Var, name), () => Describe(found, value));
        if (found) return value;
        var fallback = arguments.Get(1, "default", out var hasDefault);
        if (hasDefault) return fallback;
        throw ContextErrors.VarNotFound(name, KnownNames(), arguments.CallSpan);
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name == "has_var" ? new Function("has_var", a => HasVar(a)) : null;
        return value is not null;
    }

    private bool HasVar(CallArguments arguments)
    {
        var name = Args.String(arguments, 0, "name", "var.has_var", "var.has_var('name')");
        var found = TryFind(name, out _);
        state.Node.Inputs?.Record(RenderInputs.KeyOf(RenderInputs.HasVar, name), () => found ? "yes" : "no");
        return found;
    }

    private bool TryFind(string name, out object? value) => TryFind(state.Project, state.Node.PackageName, name, out value);

    internal static bool TryFind(ProjectRenderInfo project, string package, string name, out object? value)
    {
        if (project.CliVars.TryGetValue(name, out value)) return true;
        if (project.PackageVars.TryGetValue(package, out var scoped) && scoped.TryGetValue(name, out value)) return true;
        return project.Vars.TryGetValue(name, out value);
    }

    /// <summary>A var as <see cref="RenderInputs"/> records it: absent, or its value's fingerprint.</summary>
    internal static string? Describe(bool found, object? value) => found ? ValueFingerprint.Of(value) is { } v ? "=" + v : null : "absent";

    private IEnumerable<string> KnownNames()
    {
        var project = state.Project;
        var scoped = project.PackageVars.TryGetValue(state.Node.PackageName, out var s) ? s.Keys : [];
        return project.CliVars.Keys.Concat(scoped).Concat(project.Vars.Keys);
    }

    public override string ToString() => "<function var>";
}
