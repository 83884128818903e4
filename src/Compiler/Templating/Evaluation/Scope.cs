namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// One level of variables. Lookups walk outwards to the render's globals and then the builtin
/// globals (range, dict, namespace…). Assignments always land in the innermost scope, which is
/// how Jinja keeps loop and macro variables from leaking out.
/// </summary>
internal sealed class Scope
{
    // Most levels hold a few names (a macro's parameters, a loop's variables, a template's macros):
    // a short array searched in order is cheaper to make and to search than a dictionary, and every
    // macro call and macro binding of every render makes one. Past SmallLimit names, a dictionary.
    private const int SmallLimit = 8;

    private readonly IReadOnlyDictionary<string, object?>? _globals;
    private (string Name, object? Value)[]? _small;
    private int _smallCount;
    private Dictionary<string, object?>? _vars;

    public Scope(Scope? parent)
    {
        Parent = parent;
    }

    public Scope(IReadOnlyDictionary<string, object?> globals)
    {
        _globals = globals;
    }

    /// <param name="names">How many names the scope will hold, when known up front (a template's macros): its array is made that size.</param>
    public Scope(IReadOnlyDictionary<string, object?> globals, int names)
    {
        _globals = globals;
        if (names is > 0 and <= SmallLimit) _small = new (string, object?)[names];
    }

    public Scope? Parent { get; }

    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.TryGetLocal(name, out value)) return true;
            if (scope._globals is not null && scope._globals.TryGetValue(name, out value)) return true;
        }
        return Builtins.GlobalFunctions.TryGet(name, out value);
    }

    public void Set(string name, object? value)
    {
        if (_vars is not null)
        {
            _vars[name] = value;
            return;
        }
        var index = IndexOf(name);
        if (index >= 0)
        {
            _small![index].Value = value;
            return;
        }
        if (_small is null) _small = new (string, object?)[4];
        else if (_smallCount == _small.Length)
        {
            if (_smallCount < SmallLimit) Array.Resize(ref _small, SmallLimit);
            else
            {
                // Insertion order kept, as the dictionary keeps it.
                _vars = new Dictionary<string, object?>(SmallLimit * 2, StringComparer.Ordinal);
                for (var i = 0; i < _smallCount; i++) _vars[_small[i].Name] = _small[i].Value;
                _vars[name] = value;
                _small = null;
                _smallCount = 0;
                return;
            }
        }
        _small[_smallCount++] = (name, value);
    }

    /// <summary>Forgets this level's variables (a loop reuses one scope for each iteration).</summary>
    public void Clear()
    {
        _vars?.Clear();
        if (_small is not null) Array.Clear(_small, 0, _smallCount);
        _smallCount = 0;
    }

    public bool TryGetLocal(string name, out object? value)
    {
        if (_vars is not null) return _vars.TryGetValue(name, out value);
        var index = IndexOf(name);
        if (index >= 0)
        {
            value = _small![index].Value;
            return true;
        }
        value = null;
        return false;
    }

    private int IndexOf(string name)
    {
        var small = _small;
        for (var i = 0; i < _smallCount; i++)
        {
            if (string.Equals(small![i].Name, name)) return i;
        }
        return -1;
    }
}
