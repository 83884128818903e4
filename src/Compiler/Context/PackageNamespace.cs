using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>A package's macros by name: <c>dbt_utils.star(...)</c>, <c>dbt.generate_schema_name(...)</c>.</summary>
internal sealed class PackageNamespace(RenderState state, string package) : ITemplateObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = state.Project.Macros.FindInPackage(package, name) is { } macro ? state.Bind(macro, package) : null;
        return value is not null;
    }

    public override string ToString() => $"<namespace {package}>";
}
