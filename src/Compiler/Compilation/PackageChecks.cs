using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// What compile needs to know about packages beyond their nodes: declared packages that are not
/// installed, and the root project's <c>dispatch:</c> config.
/// </summary>
internal static class PackageChecks
{
    /// <summary>
    /// One error per packages.yml entry with no installed package, at its line. Like dbt, only when
    /// fewer packages are installed than declared: a git entry's expected name is a guess, and an
    /// install with every package present must not fail on a guess.
    /// </summary>
    public static void ReportDeclaredButMissing(LoadedProject project, DiagnosticBag diagnostics)
    {
        if (project.Packages.Count >= project.DeclaredPackages.Count) return;
        foreach (var declared in Missing(project))
            diagnostics.Add(DiagnosticCodes.PackageLoading.DeclaredPackageMissing(declared.Span, declared.Name, project.ProjectFile.PackagesInstallPath));
    }

    /// <summary>Declared but not installed: package name → where it is declared (<c>packages.yml:3</c>).</summary>
    public static IReadOnlyDictionary<string, string> NotInstalled(LoadedProject project)
    {
        // A loop rather than LINQ over (package, where) tuples, whose instantiations are compiled at run time.
        var notInstalled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declared in Missing(project)) notInstalled.Add(declared.Name, $"{declared.Span.Path}:{declared.Span.Line}");
        return notInstalled;
    }

    private static IEnumerable<DeclaredPackage> Missing(LoadedProject project)
    {
        var installed = project.Packages.SelectMany(p => new[] { p.Name, p.PackageRoot[(p.PackageRoot.LastIndexOf('/') + 1)..] })
            .ToHashSet(StringComparer.Ordinal);
        return project.DeclaredPackages
            .Where(d => !installed.Contains(d.Name))
            .DistinctBy(d => d.Name);
    }

    /// <summary>
    /// The root project's <c>dispatch:</c> list (<c>macro_namespace</c> → <c>search_order</c>). Only the
    /// root project's applies, as in dbt.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DispatchSearchOrder(ProjectFile root)
    {
        var order = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in root.Dispatch.OfType<IReadOnlyDictionary<string, object?>>())
        {
            if (entry.GetValueOrDefault("macro_namespace") is not string ns) continue;
            if (entry.GetValueOrDefault("search_order") is IEnumerable<object?> packages)
                order[ns] = packages.OfType<string>().ToList();
        }
        return order;
    }
}
