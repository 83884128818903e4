using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// The <c>loop</c> variable: index, first/last, length, neighbours, <c>cycle()</c>, <c>changed()</c>,
/// and for recursive loops <c>loop(children)</c>. One instance per loop, advanced per iteration.
/// </summary>
internal sealed class LoopContext : ITemplateObject, ICallable
{
    private readonly IList<object?> _items;
    private readonly Func<object?, SourceSpan, string>? _recurse;
    private readonly SourceSpan _span;
    private object?[]? _lastChanged;

    public LoopContext(IList<object?> items, int depth, Func<object?, SourceSpan, string>? recurse, SourceSpan span)
    {
        _items = items;
        Depth = depth;
        _recurse = recurse;
        _span = span;
    }

    public int Index0 { get; set; }

    public int Depth { get; }

    public bool TryGetAttribute(string name, out object? value)
    {
        var length = _items.Count;
        value = name switch
        {
            "index" => (long)Index0 + 1,
            "index0" => (long)Index0,
            "revindex" => (long)(length - Index0),
            "revindex0" => (long)(length - Index0 - 1),
            "first" => Index0 == 0,
            "last" => Index0 == length - 1,
            "length" => (long)length,
            "depth" => (long)Depth,
            "depth0" => (long)Depth - 1,
            "previtem" => Index0 > 0 ? _items[Index0 - 1] : new Undefined("previtem", _span, "loop"),
            "nextitem" => Index0 < length - 1 ? _items[Index0 + 1] : new Undefined("nextitem", _span, "loop"),
            "cycle" => new TemplateFunction("loop.cycle", Cycle),
            "changed" => new TemplateFunction("loop.changed", Changed),
            _ => this,
        };
        if (ReferenceEquals(value, this))
        {
            value = null;
            return false;
        }
        return true;
    }

    private object? Cycle(CallArguments arguments)
    {
        var values = arguments.Positional;
        if (values.Count == 0) throw RenderErrors.Arguments(arguments.CallSpan, "loop.cycle() needs at least one value", "write loop.cycle('odd', 'even')");
        return values[Index0 % values.Count];
    }

    private object? Changed(CallArguments arguments)
    {
        var values = new object?[arguments.Positional.Count];
        for (var i = 0; i < values.Length; i++) values[i] = arguments.Positional[i];
        if (_lastChanged is not null && Operators.PyEquals(_lastChanged, values)) return false;
        _lastChanged = values;
        return true;
    }

    /// <summary><c>loop(children)</c> inside a <c>for … recursive</c> loop renders the body for the children.</summary>
    public object? Call(CallArguments arguments)
    {
        if (_recurse is null)
        {
            throw RenderErrors.Type(arguments.CallSpan, "'LoopContext' object is not callable",
                "only a loop declared with 'recursive' can be called: {% for x in items recursive %}");
        }
        if (arguments.Positional.Count != 1)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, "loop() takes exactly one argument", "pass the items to loop over: loop(item.children)");
        }
        return _recurse(arguments.Positional[0], arguments.CallSpan);
    }

    public override string ToString() => $"<LoopContext {Index0 + 1}/{_items.Count}>";
}
