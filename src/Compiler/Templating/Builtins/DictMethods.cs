using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Python dict methods: items, keys, values, get, update, pop, setdefault, copy.</summary>
internal static class DictMethods
{
    private static readonly Dictionary<string, MethodFunction> All = new(StringComparer.Ordinal)
    {
        ["items"] = (t, a) => Items(Pairs(t), a),
        ["keys"] = (t, a) => Keys(Pairs(t), a),
        ["values"] = (t, a) => Values(Pairs(t), a),
        ["get"] = Get,
        ["copy"] = (t, a) => Copy(Pairs(t), a),
        ["update"] = (t, a) =>
        {
            if (a.Positional.Count > 1) throw RenderErrors.Arguments(a.CallSpan, $"update expected at most 1 argument, got {a.Positional.Count}", "write d.update(other) or d.update(key=value)");
            var dict = (IDictionary<string, object?>)t;
            if (a.Positional.Count == 1) GlobalFunctions.CopyInto(dict, a.Positional[0], a);
            foreach (var (key, value) in a.Named) dict[key] = value;
            return null;
        },
        ["pop"] = (t, a) =>
        {
            Args.Require(a, "dict.pop()", 1, "key", "default");
            var dict = (IDictionary<string, object?>)t;
            var key = Key(a);
            if (dict.Remove(key, out var value)) return value;
            var fallback = a.Get(1, "default", out var hasDefault);
            return hasDefault ? fallback : throw RenderErrors.Value(a.CallSpan, $"key {ValueFormatter.ToRepr(key)} not found", "give pop a default: d.pop('key', none)");
        },
        ["setdefault"] = (t, a) =>
        {
            Args.Require(a, "dict.setdefault()", 1, "key", "default");
            var dict = (IDictionary<string, object?>)t;
            var key = Key(a);
            if (dict.TryGetValue(key, out var existing)) return existing;
            var value = a.Get(1, "default");
            dict[key] = value;
            return value;
        },
        ["clear"] = (t, a) =>
        {
            Args.Check(a, "dict.clear()", 0);
            ((IDictionary<string, object?>)t).Clear();
            return null;
        },
    };

    private static readonly string[] ReadOnlyNames = ["items", "keys", "values", "get", "copy"];

    public static bool TryGet(string name, out MethodFunction method) => All.TryGetValue(name, out method!);

    public static bool TryGetReadOnly(string name, out MethodFunction method)
    {
        method = null!;
        return Array.IndexOf(ReadOnlyNames, name) >= 0 && All.TryGetValue(name, out method!);
    }

    private static IEnumerable<KeyValuePair<string, object?>> Pairs(object target) => (IEnumerable<KeyValuePair<string, object?>>)target;

    private static string Key(CallArguments arguments) => arguments.Get(0, "key") switch
    {
        string s => s,
        Undefined u => throw RenderErrors.Undefined(u, arguments.CallSpan),
        var other => ValueFormatter.ToStr(other),
    };

    private static object? Items(IEnumerable<KeyValuePair<string, object?>> pairs, CallArguments arguments)
    {
        Args.Check(arguments, "dict.items()", 0);
        var result = new List<object?>();
        foreach (var (key, value) in pairs) result.Add(new object?[] { key, value });
        return result;
    }

    private static object? Keys(IEnumerable<KeyValuePair<string, object?>> pairs, CallArguments arguments)
    {
        Args.Check(arguments, "dict.keys()", 0);
        var result = new List<object?>();
        foreach (var (key, _) in pairs) result.Add(key);
        return result;
    }

    private static object? Values(IEnumerable<KeyValuePair<string, object?>> pairs, CallArguments arguments)
    {
        Args.Check(arguments, "dict.values()", 0);
        var result = new List<object?>();
        foreach (var (_, value) in pairs) result.Add(value);
        return result;
    }

    private static object? Copy(IEnumerable<KeyValuePair<string, object?>> pairs, CallArguments arguments)
    {
        Args.Check(arguments, "dict.copy()", 0);
        var result = new OrderedDictionary<string, object?>();
        foreach (var (key, value) in pairs) result[key] = value;
        return result;
    }

    private static object? Get(object target, CallArguments arguments)
    {
        Args.Require(arguments, "dict.get()", 1, "key", "default");
        var key = Key(arguments);
        var fallback = arguments.Get(1, "default");
        return target switch
        {
            IDictionary<string, object?> dict => dict.TryGetValue(key, out var value) ? value : fallback,
            IReadOnlyDictionary<string, object?> readOnly => readOnly.TryGetValue(key, out var value) ? value : fallback,
            _ => fallback,
        };
    }
}
