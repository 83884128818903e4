using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// Stands for a package that is not installed, so that <c>dbt_utils.star(...)</c> fails at the
/// call with "package 'dbt_utils' is not installed" rather than "'dbt_utils' is undefined". Only
/// names that are clearly packages get one: declared in packages.yml, a well-known hub package, or
/// a near miss of an installed package's name; any other unknown name stays undefined.
/// </summary>
internal sealed class MissingPackageNamespace(string package, string? declaredAt, string? nearest) : ITemplateObject
{
    // Hub packages often called without being installed; kept short on purpose.
    private static readonly HashSet<string> WellKnown = new(StringComparer.Ordinal)
    {
        "dbt_utils", "dbt_date", "dbt_expectations", "audit_helper", "codegen", "dbt_external_tables",
        "dbt_project_evaluator", "elementary", "re_data", "fivetran_utils", "spark_utils", "tsql_utils",
    };

    public static MissingPackageNamespace? For(MacroRegistry macros, string name)
    {
        if (macros.MissingPackages.TryGetValue(name, out var declaredAt)) return new(name, declaredAt, null);
        var installed = macros.InstalledPackages.ToList();
        var nearest = NameSuggester.Nearest(name, installed);
        if (nearest is not null || WellKnown.Contains(name)) return new(name, null, nearest);
        return null;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = new Function($"{package}.{name}", a => throw new DiagnosticException(
            DiagnosticCodes.PackageLoading.PackageNotInstalled(a.CallSpan, package, declaredAt, nearest)));
        return true;
    }

    public override string ToString() => $"<package {package}, not installed>";
}
