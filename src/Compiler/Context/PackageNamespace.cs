using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>A package's macros by name: <c>dbt_utils.star(...)</c>, <c>dbt.generate_schema_name(...)</c>.</summary>
internal sealed class PackageNamespace(RenderState state, string package) : ITemplateObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        var found = state.Project.Macros.FindInPackage(package, name);
        // Absence matters too: a macro added here later changes what this name means.
        if (found is null) state.Node.Inputs?.Record(RenderInputs.BoundMacro + package + "|" + name, () => "none");
        value = found is { } macro ? state.Bind(macro, package) : null;
        return value is not null;
    }

    public override string ToString() => $"<namespace {package}>";
}
