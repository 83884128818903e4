namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// One level of variables. Lookups walk outwards to the render's globals and then the builtin
/// globals (range, dict, namespace…). Assignments always land in the innermost scope, which is
/// how Jinja keeps loop and macro variables from leaking out.
/// </summary>
internal sealed class Scope
{
    private readonly IReadOnlyDictionary<string, object?>? _globals;
    private Dictionary<string, object?>? _vars;

    public Scope(Scope? parent)
    {
        Parent = parent;
    }

    public Scope(IReadOnlyDictionary<string, object?> globals)
    {
        _globals = globals;
    }

    public Scope? Parent { get; }

    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._vars is not null && scope._vars.TryGetValue(name, out value)) return true;
            if (scope._globals is not null && scope._globals.TryGetValue(name, out value)) return true;
        }
        return Builtins.GlobalFunctions.TryGet(name, out value);
    }

    public void Set(string name, object? value) => (_vars ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;

    /// <summary>Forgets this level's variables (a loop reuses one scope for each iteration).</summary>
    public void Clear() => _vars?.Clear();

    /// <summary>Variables assigned at this level, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Locals =>
        _vars ?? (IEnumerable<KeyValuePair<string, object?>>)[];

    public bool TryGetLocal(string name, out object? value)
    {
        value = null;
        return _vars is not null && _vars.TryGetValue(name, out value);
    }
}
