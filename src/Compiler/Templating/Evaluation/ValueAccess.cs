using System.Collections;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Builtins;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>Attribute, item and slice access, and iteration, with Jinja's lookup order.</summary>
internal static class ValueAccess
{
    /// <summary><c>target.name</c>: attribute (methods, host attributes) first, then item.</summary>
    public static object? GetAttribute(object? target, string name, SourceSpan span)
    {
        switch (target)
        {
            case Undefined u:
                throw RenderErrors.Undefined(u, span);
            case ITemplateObject obj:
                if (obj.TryGetAttribute(name, out var value)) return value;
                if (obj is ITemplateMapping mapping)
                {
                    // Jinja's getattr falls back to the item, after the dict methods a Mapping has.
                    if (DictMethods.TryGetReadOnly(name, out var function)) return new BoundMethod(obj, name, function);
                    if (mapping.TryGetItem(name, out var entry)) return entry;
                }
                return new Undefined(name, span, PythonTypes.OwnerOf(target));
        }
        if (target is not null && BuiltinMethods.TryBind(target, name, out var method)) return method;
        return TryGetItem(target, name, out var item) ? item : new Undefined(name, span, PythonTypes.OwnerOf(target));
    }

    /// <summary><c>target[key]</c>: item first, then attribute.</summary>
    public static object? GetItem(object? target, object? key, SourceSpan span)
    {
        if (target is Undefined u) throw RenderErrors.Undefined(u, span);
        if (key is Undefined uk) throw RenderErrors.Undefined(uk, span);
        if (TryGetItem(target, key, out var value)) return value;
        if (key is string name)
        {
            if (target is ITemplateObject obj && obj.TryGetAttribute(name, out var attribute)) return attribute;
            if (target is not null && BuiltinMethods.TryBind(target, name, out var method)) return method;
        }
        return new Undefined(ValueFormatter.ToStr(key), span, PythonTypes.OwnerOf(target));
    }

    private static bool TryGetItem(object? target, object? key, out object? value)
    {
        value = null;
        switch (target)
        {
            case TemplateDict or ITemplateMapping or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>:
                return Mappings.TryGetItem(target, key, out value);
            case IList<object?> list when key is long or bool:
                var index = Operators.ToLong(key);
                if (index < 0) index += list.Count;
                if (index < 0 || index >= list.Count) return false;
                value = list[(int)index];
                return true;
            case string text when key is long or bool:
                var i = Operators.ToLong(key);
                if (i < 0) i += text.Length;
                if (i < 0 || i >= text.Length) return false;
                value = text[(int)i].ToString();
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>target[start:stop:step]</c> on strings, lists and tuples.</summary>
    public static object? Slice(object? target, object? start, object? stop, object? step, SourceSpan span)
    {
        var length = target switch
        {
            string s => s.Length,
            IList<object?> l => l.Count,
            Undefined u => throw RenderErrors.Undefined(u, span),
            _ => throw RenderErrors.Type(span, $"'{PythonTypes.NameOf(target)}' object is not subscriptable"),
        };
        var stepValue = step is null ? 1 : SliceIndex(step, span);
        if (stepValue == 0) throw RenderErrors.Value(span, "slice step cannot be zero", "use a positive or negative step");
        int Clamp(object? bound, int defaultValue)
        {
            if (bound is null) return defaultValue;
            var v = SliceIndex(bound, span);
            if (v < 0) v += length;
            return stepValue > 0 ? Math.Clamp(v, 0, length) : Math.Clamp(v, -1, length - 1);
        }
        var from = Clamp(start, stepValue > 0 ? 0 : length - 1);
        var to = Clamp(stop, stepValue > 0 ? length : -1);
        var indices = new List<int>();
        for (var i = from; stepValue > 0 ? i < to : i > to; i += stepValue) indices.Add(i);
        if (target is string text)
        {
            var chars = new char[indices.Count];
            for (var i = 0; i < chars.Length; i++) chars[i] = text[indices[i]];
            return new string(chars);
        }
        var source = (IList<object?>)target!;
        var result = new List<object?>(indices.Count);
        foreach (var i in indices) result.Add(source[i]);
        return target is object?[] ? result.ToArray() : result;
    }

    private static int SliceIndex(object? value, SourceSpan span) => value switch
    {
        long or bool => (int)Math.Clamp(Operators.ToLong(value), int.MinValue / 2, int.MaxValue / 2),
        Undefined u => throw RenderErrors.Undefined(u, span),
        _ => throw RenderErrors.Type(span, "slice indices must be integers or None"),
    };

    /// <summary>The items a for loop visits: list items, dict keys, string characters.</summary>
    public static IList<object?> Iterate(object? value, SourceSpan span)
    {
        switch (value)
        {
            case IList<object?> list:
                return list;
            case string s:
                var chars = new List<object?>(s.Length);
                foreach (var c in s) chars.Add(c.ToString());
                return chars;
            case TemplateDict or ITemplateMapping or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>:
                return Mappings.Keys(value);
            case Undefined:
                return [];
            case null or bool or long or double or decimal or ICallable:
                throw RenderErrors.Type(span, $"'{PythonTypes.NameOf(value)}' object is not iterable", "loop over a list, a dict or a string");
            case IEnumerable enumerable:
                var items = new List<object?>();
                foreach (var item in enumerable) items.Add(item);
                return items;
            default:
                throw RenderErrors.Type(span, $"'{PythonTypes.NameOf(value)}' object is not iterable", "loop over a list, a dict or a string");
        }
    }

    /// <summary>Python's <c>len()</c>, or -1 when the value has no length.</summary>
    public static int Length(object? value) => value switch
    {
        string s => s.Length,
        Undefined => 0,
        TemplateDict d => d.Count,
        ITemplateMapping m => Mappings.Count(m),
        ICollection c => c.Count,
        IList<object?> l => l.Count,
        IDictionary<string, object?> d => d.Count,
        IReadOnlyCollection<KeyValuePair<string, object?>> r => r.Count,
        _ => -1,
    };
}
