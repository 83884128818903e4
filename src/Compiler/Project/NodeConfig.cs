using System.Collections;
using System.Globalization;

namespace ModelForge.Compiler.Project;

/// <summary>
/// A node's effective config: an insertion-ordered, read-only dictionary of normalised keys (no '+';
/// <c>pre_hook</c> written as <c>pre-hook</c>) with typed accessors for the keys the compiler uses.
/// </summary>
public sealed class NodeConfig : IReadOnlyDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _values;

    internal NodeConfig(Dictionary<string, object?> values, ResourceType resourceType)
    {
        _values = values;
        ResourceType = resourceType;
    }

    public ResourceType ResourceType { get; }

    /// <summary>view for models, seed, snapshot, test; as configured otherwise.</summary>
    public string Materialized => GetString("materialized") ?? DefaultMaterialized(ResourceType) ?? "view";

    public string? Schema => GetString("schema");

    public string? Database => GetString("database");

    public string? Alias => GetString("alias");

    public IReadOnlyList<string> Tags => Strings(Get("tags"));

    /// <summary>True unless configured otherwise.</summary>
    public bool Enabled => Get("enabled") is not (false or "false" or "False");

    public IReadOnlyDictionary<string, object?> Meta => Get("meta") as IReadOnlyDictionary<string, object?> ?? Empty.Dictionary;

    /// <summary>unique_key as a list (a single column or expression becomes one item); empty when not set.</summary>
    public IReadOnlyList<string> UniqueKey => Strings(Get("unique_key"));

    public string? IncrementalStrategy => GetString("incremental_strategy");

    public bool? FullRefresh => Get("full_refresh") as bool?;

    /// <summary><c>contract: {enforced: true}</c>.</summary>
    public bool ContractEnforced => Get("contract") is IReadOnlyDictionary<string, object?> c && c.TryGetValue("enforced", out var e) && e is true;

    /// <summary>ignore (default), append_new_columns, sync_all_columns or fail.</summary>
    public string OnSchemaChange => GetString("on_schema_change") ?? "ignore";

    /// <summary>For tests: error (default) or warn, lower-cased.</summary>
    public string Severity => (GetString("severity") ?? "error").ToLowerInvariant();

    public IReadOnlyList<Hook> PreHook => Hooks(Get("pre-hook"));

    public IReadOnlyList<Hook> PostHook => Hooks(Get("post-hook"));

    public object? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>A mutable copy, in the same order (a render's <c>config()</c> writes into one); copied whole, not entry by entry.</summary>
    internal Dictionary<string, object?> ToMutable() => new(_values, StringComparer.Ordinal);

    public string? GetString(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public object? this[string key] => _values[key];

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<object?> Values => _values.Values;

    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static string? DefaultMaterialized(ResourceType type) => type switch
    {
        ResourceType.Model => "view",
        ResourceType.Seed => "seed",
        ResourceType.Snapshot => "snapshot",
        ResourceType.Test => "test",
        _ => null,
    };

    /// <summary>A config value as a list of strings, as <see cref="Tags"/> reads it.</summary>
    internal static IReadOnlyList<string> Strings(object? value) => value switch
    {
        null or System.Collections.ICollection { Count: 0 } => [],
        string s => [s],
        IEnumerable items => ItemStrings(items),
        _ => [value.ToString()!],
    };

    // Read for every node (tags): a loop, not a LINQ chain per call.
    private static List<string> ItemStrings(IEnumerable items)
    {
        var strings = items is ICollection collection ? new List<string>(collection.Count) : [];
        foreach (var item in items)
        {
            if (item is not null) strings.Add(item.ToString()!);
        }
        return strings;
    }

    private static IReadOnlyList<Hook> Hooks(object? value)
    {
        var items = value switch
        {
            null => [],
            string or IReadOnlyDictionary<string, object?> => [value],
            IEnumerable list => list.Cast<object?>().ToList(),
            _ => [value],
        };
        var hooks = new List<Hook>();
        foreach (var item in items)
        {
            switch (item)
            {
                case string sql:
                    hooks.Add(new Hook(sql));
                    break;
                // dbt's long form: {sql: "...", transaction: false}
                case IReadOnlyDictionary<string, object?> d when d.TryGetValue("sql", out var sql) && sql is not null:
                    hooks.Add(new Hook(sql.ToString()!, !(d.TryGetValue("transaction", out var t) && t is false)));
                    break;
            }
        }
        return hooks;
    }
}
