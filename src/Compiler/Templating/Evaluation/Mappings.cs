using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// One view of everything templates treat as a dict: the engine's <see cref="TemplateDict"/>, host
/// <see cref="ITemplateMapping"/> objects, and string-keyed dictionaries from C# (configs, YAML).
/// </summary>
internal static class Mappings
{
    public static bool IsMapping(object? value) =>
        value is TemplateDict or ITemplateMapping or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>;

    /// <summary><c>map[key]</c> with Python key equality; host string-keyed dicts also find an int key by its text.</summary>
    public static bool TryGetItem(object? map, object? key, out object? value)
    {
        switch (map)
        {
            case TemplateDict dict:
                return dict.TryGet(key, out value);
            case ITemplateMapping mapping:
                return mapping.TryGetItem(key, out value);
            case IDictionary<string, object?> dict:
                value = null;
                return key is string s ? dict.TryGetValue(s, out value) : key is long l && dict.TryGetValue(l.ToString(System.Globalization.CultureInfo.InvariantCulture), out value);
            case IReadOnlyDictionary<string, object?> readOnly:
                value = null;
                return key is string rs && readOnly.TryGetValue(rs, out value);
            default:
                value = null;
                return false;
        }
    }

    public static bool ContainsKey(object? map, object? key) => TryGetItem(map, key, out _);

    public static int Count(object? map) => map switch
    {
        TemplateDict dict => dict.Count,
        IDictionary<string, object?> dict => dict.Count,
        IReadOnlyDictionary<string, object?> readOnly => readOnly.Count,
        ITemplateMapping mapping => mapping.Keys.Count(),
        _ => -1,
    };

    /// <summary>The keys in order, as a new list.</summary>
    public static List<object?> Keys(object? map)
    {
        var keys = new List<object?>();
        switch (map)
        {
            case TemplateDict dict:
                keys.AddRange(dict.TypedKeys);
                break;
            case ITemplateMapping mapping:
                keys.AddRange(mapping.Keys);
                break;
            case IDictionary<string, object?> dict:
                foreach (var key in dict.Keys) keys.Add(key);
                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                foreach (var key in readOnly.Keys) keys.Add(key);
                break;
        }
        return keys;
    }

    /// <summary>The entries in order.</summary>
    public static IEnumerable<KeyValuePair<object?, object?>> Items(object? map)
    {
        switch (map)
        {
            case TemplateDict dict:
                return dict.TypedItems;
            case ITemplateMapping mapping:
                return MappingItems(mapping);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return StringItems(pairs);
            default:
                return [];
        }
    }

    private static IEnumerable<KeyValuePair<object?, object?>> MappingItems(ITemplateMapping mapping)
    {
        foreach (var key in mapping.Keys)
        {
            mapping.TryGetItem(key, out var value);
            yield return new KeyValuePair<object?, object?>(key, value);
        }
    }

    private static IEnumerable<KeyValuePair<object?, object?>> StringItems(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        foreach (var (key, value) in pairs) yield return new KeyValuePair<object?, object?>(key, value);
    }

    /// <summary><c>map[key] = value</c> on a mutable dict; string-keyed host dicts get the key's text.</summary>
    public static void Set(object map, object? key, object? value)
    {
        if (map is TemplateDict dict) dict.Set(key, value);
        else ((IDictionary<string, object?>)map)[key as string ?? ValueFormatter.ToStr(key)] = value;
    }

    public static bool Remove(object map, object? key, out object? value)
    {
        if (map is TemplateDict dict) return dict.Remove(key, out value);
        return ((IDictionary<string, object?>)map).Remove(key as string ?? ValueFormatter.ToStr(key), out value);
    }

    public static bool IsMutable(object? map) => map is TemplateDict or IDictionary<string, object?>;
}
