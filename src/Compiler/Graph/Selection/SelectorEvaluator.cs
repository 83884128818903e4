using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.State;

namespace ModelForge.Compiler.Graph.Selection;

/// <summary>
/// Evaluates a <see cref="SelectorExpression"/> over a compiled project's nodes and graph. Pure: it
/// reads the project, the optional state of a previous run and the selectors.yml definitions.
/// An unknown method is an error; a criterion that matches nothing is a warning, as in dbt.
/// </summary>
public sealed partial class SelectorEvaluator
{
    private readonly CompiledProject _project;
    private readonly StateComparison? _state;
    private readonly SelectorsFile? _selectors;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
    private int _errors;

    public SelectorEvaluator(CompiledProject project, StateComparison? state, SelectorsFile? selectors, DiagnosticBag diagnostics)
    {
        _project = project;
        _state = state;
        _selectors = selectors;
        _diagnostics = diagnostics;
    }

    /// <summary>Unique ids of the selected nodes (any resource type).</summary>
    public HashSet<string> Evaluate(SelectorExpression expression)
    {
        switch (expression)
        {
            case SelectorUnion union:
                var all = new HashSet<string>(StringComparer.Ordinal);
                foreach (var part in union.Parts) all.UnionWith(Evaluate(part));
                return all;
            case SelectorIntersection intersection:
                HashSet<string>? common = null;
                foreach (var part in intersection.Parts)
                {
                    var selected = Evaluate(part);
                    if (common is null) common = selected;
                    else common.IntersectWith(selected);
                }
                return common ?? new HashSet<string>(StringComparer.Ordinal);
            case SelectorDifference difference:
                var included = Evaluate(difference.Include);
                included.ExceptWith(Evaluate(difference.Exclude));
                return included;
            case SelectorCriterion criterion:
                return Criterion(criterion);
            default:
                throw new InvalidOperationException($"unhandled selector expression {expression.GetType().Name}");
        }
    }

    private void Report(Diagnostic diagnostic)
    {
        if (diagnostic.IsError) _errors++;
        _diagnostics.Add(diagnostic);
    }

    private HashSet<string> Criterion(SelectorCriterion criterion)
    {
        var errors = _errors;
        var matched = Match(criterion);
        if (matched is null) return new HashSet<string>(StringComparer.Ordinal);
        // An error inside a named selector already explains an empty result.
        if (matched.Count == 0 && errors == _errors)
        {
            Report(DiagnosticCodes.Selection.NothingMatched(criterion.Span, criterion.Span.Source.Text.Substring(criterion.Span.Start, criterion.Span.Length), criterion.Method));
            return matched;
        }
        var graph = _project.Graph;
        var result = new HashSet<string>(matched, StringComparer.Ordinal);
        foreach (var id in matched)
        {
            if (!graph.Contains(id)) continue;
            if (criterion.ParentsDepth > 0) result.UnionWith(graph.Ancestors(id, criterion.ParentsDepth));
            if (criterion.ChildrenDepth > 0 || criterion.ChildrensParents)
            {
                var children = graph.Descendants(id, criterion.ChildrensParents ? int.MaxValue : criterion.ChildrenDepth);
                result.UnionWith(children);
                if (criterion.ChildrensParents)
                {
                    foreach (var child in children) result.UnionWith(graph.Ancestors(child));
                    result.UnionWith(graph.Ancestors(id));
                }
            }
        }
        result.IntersectWith(_project.Nodes.Keys);
        return result;
    }

    /// <summary>The nodes the method and value match, before graph operators; null after an error.</summary>
    private HashSet<string>? Match(SelectorCriterion criterion)
    {
        var method = criterion.Method;
        if (!SelectorMethods.IsKnown(method))
        {
            Report(DiagnosticCodes.Selection.UnknownMethod(criterion.Span, method, NameSuggester.Nearest(method, SelectorMethods.All)));
            return null;
        }
        if (method == SelectorMethods.Selector) return Named(criterion);
        if (method is SelectorMethods.State or SelectorMethods.Result && _state is null)
        {
            Report(DiagnosticCodes.Selection.StateRequired(criterion.Span, method));
            return null;
        }
        Func<ProjectNode, bool>? predicate = method switch
        {
            SelectorMethods.State => StatePredicate(criterion),
            SelectorMethods.Result => ResultPredicate(criterion),
            SelectorMethods.ResourceType => ResourceTypePredicate(criterion),
            _ => node => Matches(node, method, criterion.Value),
        };
        if (predicate is null) return null;
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in _project.Nodes.Values)
        {
            if (predicate(node)) matched.Add(node.UniqueId);
        }
        return matched;
    }

    private HashSet<string>? Named(SelectorCriterion criterion)
    {
        var definition = _selectors?.Find(criterion.Value);
        if (definition is null)
        {
            var names = _selectors?.Names ?? [];
            Report(DiagnosticCodes.Selection.UnknownSelector(criterion.Span, criterion.Value, names, NameSuggester.Nearest(criterion.Value, names)));
            return null;
        }
        if (!_expanding.Add(criterion.Value))
        {
            Report(DiagnosticCodes.Selection.SelectorCycle(criterion.Span, criterion.Value));
            return null;
        }
        try
        {
            return Evaluate(definition.Definition);
        }
        finally
        {
            _expanding.Remove(criterion.Value);
        }
    }
}
