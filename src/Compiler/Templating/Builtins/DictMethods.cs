using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Python dict methods: items, keys, values, get, update, pop, setdefault, copy, clear.</summary>
internal static class DictMethods
{
    private static readonly Dictionary<string, MethodFunction> All = new(StringComparer.Ordinal)
    {
        ["items"] = Items,
        ["keys"] = Keys,
        ["values"] = Values,
        ["get"] = Get,
        ["copy"] = Copy,
        ["update"] = (t, a) =>
        {
            if (a.Positional.Count > 1) throw RenderErrors.Arguments(a.CallSpan, $"update expected at most 1 argument, got {a.Positional.Count}", "write d.update(other) or d.update(key=value)");
            if (a.Positional.Count == 1) GlobalFunctions.CopyInto(t, a.Positional[0], a);
            foreach (var (key, value) in a.Named) Mappings.Set(t, key, value);
            return null;
        },
        ["pop"] = (t, a) =>
        {
            Args.Require(a, "dict.pop()", 1, "key", "default");
            var key = Key(a);
            if (Mappings.Remove(t, key, out var value)) return value;
            var fallback = a.Get(1, "default", out var hasDefault);
            return hasDefault ? fallback : throw RenderErrors.Value(a.CallSpan, $"key {ValueFormatter.ToRepr(key)} not found", "give pop a default: d.pop('key', none)");
        },
        ["setdefault"] = (t, a) =>
        {
            Args.Require(a, "dict.setdefault()", 1, "key", "default");
            var key = Key(a);
            if (Mappings.TryGetItem(t, key, out var existing)) return existing;
            var value = a.Get(1, "default");
            Mappings.Set(t, key, value);
            return value;
        },
        ["clear"] = (t, a) =>
        {
            Args.Check(a, "dict.clear()", 0);
            if (t is TemplateDict dict) dict.Clear();
            else ((IDictionary<string, object?>)t).Clear();
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

    private static object? Key(CallArguments arguments) => arguments.Get(0, "key") switch
    {
        Undefined u => throw RenderErrors.Undefined(u, arguments.CallSpan),
        var key => key,
    };

    private static object? Items(object target, CallArguments arguments)
    {
        Args.Check(arguments, "dict.items()", 0);
        var result = new List<object?>();
        foreach (var (key, value) in Mappings.Items(target)) result.Add(new object?[] { key, value });
        return result;
    }

    private static object? Keys(object target, CallArguments arguments)
    {
        Args.Check(arguments, "dict.keys()", 0);
        return Mappings.Keys(target);
    }

    private static object? Values(object target, CallArguments arguments)
    {
        Args.Check(arguments, "dict.values()", 0);
        var result = new List<object?>();
        foreach (var (_, value) in Mappings.Items(target)) result.Add(value);
        return result;
    }

    private static object? Copy(object target, CallArguments arguments)
    {
        Args.Check(arguments, "dict.copy()", 0);
        var result = new TemplateDict();
        foreach (var (key, value) in Mappings.Items(target)) result.Set(key, value);
        return result;
    }

    private static object? Get(object target, CallArguments arguments)
    {
        Args.Require(arguments, "dict.get()", 1, "key", "default");
        var key = Key(arguments);
        return Mappings.TryGetItem(target, key, out var value) ? value : arguments.Get(1, "default");
    }
}
