using System.Collections;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>
/// <c>config(materialized='table')</c> or <c>config({...})</c> writes into the node's config and
/// renders as nothing; <c>config.get(key, default)</c> and <c>config.require(key)</c> read it.
/// Recording is idempotent so a node rendered at parse and again at execute ends up the same.
/// </summary>
internal sealed class ConfigFunction(RenderState state) : ICallable, ITemplateObject
{
    private const string Usage = "config(materialized='table') or config({'materialized': 'table'})";

    public object? Call(CallArguments arguments)
    {
        if (arguments.Positional.Count > 1 ||
            (arguments.Positional.Count == 1 && arguments.Positional[0] is not (IDictionary<string, object?> or IReadOnlyDictionary<string, object?>)))
            throw Args.WrongType(arguments, "config", "args", "a dict or keyword arguments", arguments.Positional[0], Usage);
        state.Node.ConfigCalls?.Invoke(arguments.Positional, arguments.Named);
        if (arguments.Positional.Count == 1) Record(state.Node.Config, (IEnumerable<KeyValuePair<string, object?>>)arguments.Positional[0]!);
        Record(state.Node.Config, arguments.Named);
        return "";
    }

    // Made on first read and kept for the render: config.get is read on every call of it (most test macros call it a few times).
    private Function? _get, _require, _has;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "get" => _get ??= new Function("config.get", Get),
            "require" => _require ??= new Function("config.require", Require),
            "has" => _has ??= new Function("config.has", a => Find(Args.String(a, 0, "name", "config.has", "config.has('name')"), out _)),
            _ => null,
        };
        return value is not null;
    }

    private object? Get(CallArguments a)
    {
        var key = Args.String(a, 0, "name", "config.get", "config.get('name', default)");
        return Find(key, out var value) ? value : a.Get(1, "default");
    }

    private object? Require(CallArguments a)
    {
        var key = Args.String(a, 0, "name", "config.require", "config.require('name')");
        return Find(key, out var value) ? value : throw ContextErrors.ConfigMissing(key, state.Node.Description, a.CallSpan);
    }

    private bool Find(string key, out object? value)
    {
        var config = state.Node.Config;
        if (config.TryGetValue(key, out value) && value is not null) return true;
        return config.TryGetValue(Normalize(key), out value) && value is not null;
    }

    /// <summary>What a config() call records; also used by the static parser (Compilation/StaticParser), which calls no function.</summary>
    internal static void Record(IDictionary<string, object?> config, IEnumerable<KeyValuePair<string, object?>> entries)
    {
        foreach (var (rawKey, value) in entries) Record(config, rawKey, value);
    }

    /// <summary>As <see cref="Record(IDictionary{string, object?}, IEnumerable{KeyValuePair{string, object?}})"/> for a call's keyword arguments, by index (no enumerator per call).</summary>
    internal static void Record(IDictionary<string, object?> config, IReadOnlyList<KeyValuePair<string, object?>> entries)
    {
        for (var i = 0; i < entries.Count; i++) Record(config, entries[i].Key, entries[i].Value);
    }

    private static void Record(IDictionary<string, object?> config, string rawKey, object? value)
    {
        var key = Normalize(rawKey);
        config.TryGetValue(key, out var existing);
        config[key] = key switch
        {
            // dbt extends these instead of replacing them.
            "tags" or "pre-hook" or "post-hook" => Append(existing, value),
            "meta" or "grants" => Merge(existing, value),
            _ => value,
        };
    }

    private static string Normalize(string key) => key switch
    {
        "pre_hook" => "pre-hook",
        "post_hook" => "post-hook",
        _ => key,
    };

    private static List<object?> Append(object? existing, object? added)
    {
        var list = ToList(existing);
        foreach (var item in ToList(added))
        {
            if (!list.Contains(item)) list.Add(item);
        }
        return list;
    }

    private static List<object?> ToList(object? value) => value switch
    {
        null => [],
        string s => [s],
        IList<object?> items when value is not ITemplateObject => new List<object?>(items),
        IEnumerable items when value is not ITemplateObject => items.Cast<object?>().ToList(),
        _ => [value],
    };

    private static object? Merge(object? existing, object? added)
    {
        if (added is not IEnumerable<KeyValuePair<string, object?>> addedDict) return added;
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (existing is IEnumerable<KeyValuePair<string, object?>> old)
        {
            foreach (var (k, v) in old) merged[k] = v;
        }
        foreach (var (k, v) in addedDict) merged[k] = v;
        return merged;
    }

    public override string ToString() => "";
}
