using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

// {% for %}: each iteration starts from a fresh scope (Jinja: assignments never outlive the iteration).
internal sealed partial class Evaluator
{
    private Flow ExecuteFor(ForStatement loop, Scope scope, OutputWriter writer)
    {
        var items = ValueAccess.Iterate(Eval(loop.Iterable, scope), loop.Iterable.Span);
        return RunLoop(loop, items, scope, writer, depth: 1);
    }

    // Normal, or Return when a return() ended the macro inside the loop.
    private Flow RunLoop(ForStatement loop, IList<object?> items, Scope scope, OutputWriter writer, int depth)
    {
        var iterationScope = new Scope(scope);
        if (loop.Condition is not null) items = FilterItems(loop, items, iterationScope);
        if (items.Count == 0)
        {
            var flow = loop.Else is null ? Flow.Normal : Execute(loop.Else, scope, writer);
            return flow == Flow.Return ? Flow.Return : Flow.Normal;
        }
        Func<object?, SourceSpan, string>? recurse = null;
        if (loop.Recursive)
        {
            recurse = (children, span) =>
            {
                var inner = new OutputWriter(withMap: false);
                ThrowIfReturned(RunLoop(loop, ValueAccess.Iterate(children, span), scope, inner, depth + 1));
                return inner.ToString();
            };
        }
        var context = new LoopContext(items, depth, recurse, loop.Span);
        for (var i = 0; i < items.Count; i++)
        {
            Step(loop.Span);
            iterationScope.Clear();
            context.Index0 = i;
            iterationScope.Set("loop", context);
            Assign(loop.Target, items[i], iterationScope, loop.Target.Span);
            var flow = Execute(loop.Body, iterationScope, writer);
            if (flow == Flow.Return) return flow;
            if (flow == Flow.Break) break;
        }
        return Flow.Normal;
    }

    // `for x in xs if cond` filters before counting, so loop.length and loop.last see only kept items.
    private List<object?> FilterItems(ForStatement loop, IList<object?> items, Scope iterationScope)
    {
        var kept = new List<object?>(items.Count);
        foreach (var item in items)
        {
            Step(loop.Span);
            iterationScope.Clear();
            Assign(loop.Target, item, iterationScope, loop.Target.Span);
            if (Truthiness.IsTrue(Eval(loop.Condition!, iterationScope))) kept.Add(item);
        }
        return kept;
    }
}
