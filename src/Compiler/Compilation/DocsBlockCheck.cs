using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Parses every docs .md file at compile time, as dbt parses docs blocks with the rest of the
/// project: a broken <c>{% docs %}</c> block fails compile and run (exit 2) instead of only
/// showing up, or not, when the docs site is generated.
/// </summary>
internal static class DocsBlockCheck
{
    public static void Report(LoadedProject project, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        var files = project.WithPackages.SelectMany(unit => unit.Files.DocsFiles).ToList();
        var bags = new DiagnosticBag[files.Count];
        ParallelLoop.For(files.Count, i =>
        {
            bags[i] = new DiagnosticBag();
            engine.Parse(files[i].Source, bags[i]);
        });
        foreach (var bag in bags) diagnostics.AddRange(bag.ToList());
    }
}
