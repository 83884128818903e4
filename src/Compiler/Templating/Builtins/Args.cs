using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Argument checks and conversions shared by filters, tests and methods.</summary>
internal static class Args
{
    /// <summary>Rejects more than <paramref name="maxPositional"/> positional arguments or a keyword not in <paramref name="names"/>.</summary>
    public static void Check(CallArguments arguments, string what, int maxPositional, params ReadOnlySpan<string> names)
    {
        if (arguments.Positional.Count > maxPositional)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, $"{what} takes at most {maxPositional} argument(s) ({arguments.Positional.Count} given)",
                names.Length > 0 ? $"its arguments are ({string.Join(", ", names.ToArray())})" : $"{what} takes no arguments");
        }
        foreach (var (key, _) in arguments.Named)
        {
            var index = -1;
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] == key) index = i;
            }
            if (index < 0 || index < arguments.Positional.Count)
            {
                throw RenderErrors.Arguments(arguments.CallSpan,
                    index < 0 ? $"{what} got an unexpected keyword argument '{key}'" : $"{what} got multiple values for argument '{key}'",
                    names.Length > 0 ? $"its arguments are ({string.Join(", ", names.ToArray())})" : $"{what} takes no arguments");
            }
        }
    }

    public static void Require(CallArguments arguments, string what, int count, params ReadOnlySpan<string> names)
    {
        Check(arguments, what, names.Length, names);
        for (var i = 0; i < count; i++)
        {
            arguments.Get(i, names[i], out var found);
            if (!found)
            {
                throw RenderErrors.Arguments(arguments.CallSpan, $"{what} is missing the required argument '{names[i]}'",
                    $"its arguments are ({string.Join(", ", names.ToArray())})");
            }
        }
    }

    public static long Int(CallArguments arguments, int index, string name, long defaultValue, string what)
    {
        var value = arguments.Get(index, name, out var found);
        if (!found || value is null) return defaultValue;
        return value switch
        {
            long or bool => Operators.ToLong(value),
            double d when d == Math.Floor(d) => (long)d,
            _ => throw RenderErrors.Type(arguments.CallSpan, $"{what}: '{name}' must be an integer, not {PythonTypes.NameOf(value)}"),
        };
    }

    /// <summary>A width or length that sizes a new string: negative means none; beyond the output budget is an error, not an allocation.</summary>
    public static int Width(CallArguments arguments, int index, string name, long defaultValue, string what)
    {
        var width = Int(arguments, index, name, defaultValue, what);
        if (width <= 0) return 0;
        Evaluator.CheckLength(width, arguments.CallSpan);
        return (int)width;
    }

    public static bool Bool(CallArguments arguments, int index, string name, bool defaultValue)
    {
        var value = arguments.Get(index, name, out var found);
        return found ? Truthiness.IsTrue(value) : defaultValue;
    }

    public static string? String(CallArguments arguments, int index, string name, string? defaultValue, string what)
    {
        var value = arguments.Get(index, name, out var found);
        if (!found || value is null) return defaultValue;
        return value as string ?? throw RenderErrors.Type(arguments.CallSpan, $"{what}: '{name}' must be a string, not {PythonTypes.NameOf(value)}");
    }

    public static string Text(object? value, CallArguments arguments) =>
        value as string ?? ValueFormatter.ToStr(value);

    /// <summary>Arguments from <paramref name="skip"/> on, for filters that pass the rest along (map, select).</summary>
    public static CallArguments Rest(CallArguments arguments, int skip, params ReadOnlySpan<string> removeNamed)
    {
        var positional = new List<object?>();
        for (var i = skip; i < arguments.Positional.Count; i++) positional.Add(arguments.Positional[i]);
        var named = new List<KeyValuePair<string, object?>>();
        foreach (var pair in arguments.Named)
        {
            var removed = false;
            foreach (var n in removeNamed) removed |= n == pair.Key;
            if (!removed) named.Add(pair);
        }
        return new CallArguments(positional, named, arguments.CallSpan);
    }
}
