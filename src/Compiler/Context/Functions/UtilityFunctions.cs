using System.Collections;
using System.Security.Cryptography;
using System.Text;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>Node-independent helpers dbt puts in every context: return, zip, tojson, set, local_md5…</summary>
internal static class UtilityFunctions
{
    public static readonly IReadOnlyDictionary<string, object?> All = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["return"] = ReturnFunction.Instance,
        ["zip"] = new Function("zip", Zip),
        ["tojson"] = new Function("tojson", a => JsonValues.Serialize(Args.Value(a, 0, "value", "tojson", "tojson(value)"), Args.Bool(a, 1, "sort_keys", false))),
        ["fromjson"] = new Function("fromjson", a => JsonValues.TryParse(TemplateValues.Str(Args.Value(a, 0, "string", "fromjson", "fromjson(string)")), out var v) ? v : a.Get(1, "default")),
        ["toyaml"] = new Function("toyaml", a => YamlValues.Serialize(Args.Value(a, 0, "value", "toyaml", "toyaml(value)"), Args.Bool(a, 1, "sort_keys", false))),
        ["fromyaml"] = new Function("fromyaml", a => YamlValues.TryParse(TemplateValues.Str(Args.Value(a, 0, "value", "fromyaml", "fromyaml(string)")), out var v) ? v : a.Get(1, "default")),
        ["set"] = new Function("set", a => ToSet(a.Get(0, "value")) ?? a.Get(1, "default")),
        ["set_strict"] = new Function("set_strict", a => ToSet(a.Get(0, "value")) ?? throw ContextErrors.SetFailed(TemplateValues.Describe(a.Get(0, "value")), a.CallSpan)),
        ["local_md5"] = new Function("local_md5", a => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(TemplateValues.Str(Args.Value(a, 0, "value", "local_md5", "local_md5('text')")))))),
        ["diff_of_two_dicts"] = new Function("diff_of_two_dicts", DiffOfTwoDicts),
    };

    // zip(a, b, …): tuples up to the shortest input, as Python.
    private static List<object?> Zip(CallArguments a)
    {
        var sources = a.Positional.Select(p => Items(p).ToList()).ToList();
        var result = new List<object?>();
        if (sources.Count == 0) return result;
        var length = sources.Min(s => s.Count);
        for (var i = 0; i < length; i++) result.Add(sources.Select(s => s[i]).ToArray());
        return result;
    }

    internal static IEnumerable<object?> Items(object? value) => value switch
    {
        null or Undefined => [],
        string s => s.Select(c => (object?)c.ToString()),
        IDictionary<string, object?> d => d.Keys,
        IReadOnlyDictionary<string, object?> rd => rd.Keys,
        IEnumerable e => e.Cast<object?>(),
        _ => [],
    };

    // Sets are lists without duplicates in first-seen order (the template value model has no set).
    private static TemplateSet? ToSet(object? value) =>
        value is null or Undefined or bool or long or double or decimal ? null : new TemplateSet(Items(value).Distinct());

    // dbt's grant diff: for each key of a, the values that b lacks (case-insensitively).
    private static Dictionary<string, object?> DiffOfTwoDicts(CallArguments a)
    {
        var first = a.Get(0, "dict_a") as IEnumerable<KeyValuePair<string, object?>> ?? [];
        var second = (a.Get(1, "dict_b") as IEnumerable<KeyValuePair<string, object?>> ?? [])
            .ToDictionary(p => p.Key.ToLowerInvariant(), p => Items(p.Value).Select(v => TemplateValues.Str(v).ToLowerInvariant()).ToHashSet());
        var diff = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in first)
        {
            if (!second.TryGetValue(key.ToLowerInvariant(), out var present))
            {
                diff[key] = value;
                continue;
            }
            var missing = Items(value).Where(v => !present.Contains(TemplateValues.Str(v).ToLowerInvariant())).ToList();
            if (missing.Count > 0) diff[key] = missing;
        }
        return diff;
    }
}
