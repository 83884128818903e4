using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Jinja's global functions, found after the context's own globals: range, dict, namespace, cycler, joiner.</summary>
internal static class GlobalFunctions
{
    private static readonly Dictionary<string, object?> All = new(StringComparer.Ordinal)
    {
        ["range"] = new TemplateFunction("range", Range),
        ["dict"] = new TemplateFunction("dict", Dict),
        ["namespace"] = new TemplateFunction("namespace", MakeNamespace),
        ["cycler"] = new TemplateFunction("cycler", MakeCycler),
        ["joiner"] = new TemplateFunction("joiner", MakeJoiner),
    };

    public static bool TryGet(string name, out object? value) => All.TryGetValue(name, out value);

    private const int MaxRange = 100_000;

    private static object? Range(CallArguments arguments)
    {
        var count = arguments.Positional.Count;
        if (count is 0 or > 3 || arguments.Named.Count > 0)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, $"range expected 1 to 3 arguments, got {count}", "write range(stop), range(start, stop) or range(start, stop, step)");
        }
        long start = 0, step = 1, stop;
        if (count == 1)
        {
            stop = Integer(arguments, 0);
        }
        else
        {
            start = Integer(arguments, 0);
            stop = Integer(arguments, 1);
            if (count == 3) step = Integer(arguments, 2);
        }
        if (step == 0) throw RenderErrors.Value(arguments.CallSpan, "range() arg 3 must not be zero", "use a positive or negative step");
        var result = new List<object?>();
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            // Jinja's sandbox limit; a larger range is almost always a mistake in a SQL template.
            if (result.Count >= MaxRange) throw RenderErrors.Value(arguments.CallSpan, $"range() is limited to {MaxRange} items", "loop over fewer items");
            result.Add(i);
        }
        return result;
    }

    private static long Integer(CallArguments arguments, int index) => arguments.Positional[index] switch
    {
        long or bool => Operators.ToLong(arguments.Positional[index]),
        Undefined u => throw RenderErrors.Undefined(u, arguments.CallSpan),
        var other => throw RenderErrors.Type(arguments.CallSpan, $"'{PythonTypes.NameOf(other)}' object cannot be interpreted as an integer"),
    };

    private static object? Dict(CallArguments arguments)
    {
        var result = new TemplateDict();
        if (arguments.Positional.Count > 1) throw RenderErrors.Arguments(arguments.CallSpan, $"dict expected at most 1 argument, got {arguments.Positional.Count}", "write dict(other) or dict(key=value)");
        if (arguments.Positional.Count == 1) CopyInto(result, arguments.Positional[0], arguments);
        foreach (var (key, value) in arguments.Named) result.Set(key, value);
        return result;
    }

    /// <summary>Copies a mapping, or a list of (key, value) pairs, into <paramref name="target"/>.</summary>
    internal static void CopyInto(object target, object? source, CallArguments arguments)
    {
        if (Mappings.IsMapping(source))
        {
            foreach (var (key, value) in Mappings.Items(source)) Mappings.Set(target, key, value);
            return;
        }
        switch (source)
        {
            case IList<object?> list:
                foreach (var item in list)
                {
                    if (item is not IList<object?> { Count: 2 } pair)
                    {
                        throw RenderErrors.Type(arguments.CallSpan, "dictionary update sequence element is not a (key, value) pair", "pass a dict or a list of pairs");
                    }
                    Mappings.Set(target, pair[0], pair[1]);
                }
                break;
            case Undefined u:
                throw RenderErrors.Undefined(u, arguments.CallSpan);
            default:
                throw RenderErrors.Type(arguments.CallSpan, $"'{PythonTypes.NameOf(source)}' object is not a mapping", "pass a dict");
        }
    }

    private static object? MakeNamespace(CallArguments arguments)
    {
        var ns = new Namespace();
        var scratch = new TemplateDict();
        foreach (var positional in arguments.Positional) CopyInto(scratch, positional, arguments);
        foreach (var (key, value) in arguments.Named) scratch.Set(key, value);
        foreach (var (key, value) in scratch) ns.Set(key, value);
        return ns;
    }

    private static object? MakeCycler(CallArguments arguments)
    {
        var items = arguments.Positional;
        if (items.Count == 0) throw RenderErrors.Arguments(arguments.CallSpan, "cycler() needs at least one item", "write cycler('odd', 'even')");
        return new Cycler(items);
    }

    private static object? MakeJoiner(CallArguments arguments)
    {
        var separator = Args.String(arguments, 0, "sep", ", ", "joiner") ?? ", ";
        var used = false;
        return new TemplateFunction("joiner", _ =>
        {
            if (used) return separator;
            used = true;
            return "";
        });
    }
}
