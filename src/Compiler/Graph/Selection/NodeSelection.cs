using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Graph.Selection;

/// <summary>
/// The entry point: which nodes a command acts on. --select (or --selector, or the selectors.yml
/// default) picks nodes, --exclude removes some; with neither, every node is selected.
/// Resource types and dbt's indirect test selection are the caller's business.
/// </summary>
public static class NodeSelection
{
    /// <summary>Unique ids of the selected nodes; null when a selector has an error (in <paramref name="diagnostics"/>).</summary>
    public static IReadOnlySet<string>? Select(CompiledProject project, SelectionOptions options, DiagnosticBag diagnostics)
    {
        var bag = new DiagnosticBag();
        var evaluator = new SelectorEvaluator(project, options.State, options.Selectors, bag);
        HashSet<string> chosen;
        var include = Parse("--select", options.Select, bag);
        if (include is not null) chosen = evaluator.Evaluate(include);
        else if (options.Selector is { } name) chosen = evaluator.Evaluate(new SelectorCriterion(SelectorMethods.Selector, name, 0, 0, false,
            new SourceSpan(new SourceText("--selector", name), 0, name.Length)));
        else if (options.Selectors?.Default is { } byDefault) chosen = evaluator.Evaluate(byDefault.Definition);
        else chosen = project.Nodes.Keys.ToHashSet(StringComparer.Ordinal);

        if (Parse("--exclude", options.Exclude, bag) is { } exclude) chosen.ExceptWith(evaluator.Evaluate(exclude));
        diagnostics.AddRange(bag.ToList());
        return bag.HasErrors ? null : chosen;
    }

    /// <summary>The values of one option as one expression, positions relative to the values joined by spaces.</summary>
    public static SelectorExpression? Parse(string option, IReadOnlyList<string> values, DiagnosticBag diagnostics) =>
        values.Count == 0 ? null : SelectorParser.Parse(new SourceText(option, string.Join(' ', values)), diagnostics);
}
