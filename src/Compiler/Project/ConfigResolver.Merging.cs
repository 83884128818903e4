using System.Collections;

namespace ModelForge.Compiler.Project;

public sealed partial class ConfigResolver
{
    // Config keys whose mapping value is a config, not a folder, when written without '+'.
    internal static readonly HashSet<string> KnownConfigKeys = new(StringComparer.Ordinal)
    {
        "materialized", "schema", "database", "alias", "tags", "enabled", "meta", "docs", "persist_docs",
        "pre-hook", "post-hook", "pre_hook", "post_hook", "unique_key", "incremental_strategy", "full_refresh",
        "contract", "on_schema_change", "grants", "quoting", "column_types", "delimiter", "quote_columns",
        "strategy", "target_schema", "target_database", "updated_at", "check_cols", "snapshot_meta_column_names",
        "hard_deletes", "invalidate_hard_deletes", "dbt_valid_to_current", "severity", "where", "limit",
        "warn_if", "error_if", "fail_calc", "store_failures", "store_failures_as", "access", "group",
        "sql_header", "on_configuration_change", "event_time", "batch_size", "lookback", "begin",
        "concurrent_batches", "packages", "freshness", "loaded_at_field", "indexes", "as_columnstore",
    };

    private static readonly HashSet<string> AppendKeys = new(StringComparer.Ordinal) { "tags", "pre-hook", "post-hook" };

    private static readonly HashSet<string> UpdateKeys = new(StringComparer.Ordinal)
    {
        "meta", "docs", "persist_docs", "quoting", "column_types", "contract",
    };

    /// <summary>The canonical spelling of a config key: no '+', hooks with a dash.</summary>
    public static string NormalizeKey(string key)
    {
        if (key.StartsWith('+')) key = key[1..];
        return key switch
        {
            "pre_hook" => "pre-hook",
            "post_hook" => "post-hook",
            _ => key,
        };
    }

    /// <summary>
    /// Applies the configs at this level, then descends into the key matching the next fqn segment.
    /// A key is a config when it starts with '+', is a known config name, or its value is not a
    /// mapping (dbt's rule); otherwise it names a package or folder. Returns the level reached at
    /// depth <c>fqn.Count</c>, or null when no key matched before it.
    /// </summary>
    private static IReadOnlyDictionary<string, object?>? ApplyTree(Dictionary<string, object?> config, IReadOnlyDictionary<string, object?> tree,
        IReadOnlyList<string> fqn, int index)
    {
        IReadOnlyDictionary<string, object?>? next = null;
        foreach (var (key, value) in tree)
        {
            if (IsConfigKey(key, value))
            {
                Merge(config, NormalizeKey(key), value);
            }
            else if (index < fqn.Count && key == fqn[index])
            {
                next = value as IReadOnlyDictionary<string, object?>;
            }
        }
        if (next is not null) return ApplyTree(config, next, fqn, index + 1);
        return index == fqn.Count ? tree : null;
    }

    private static bool IsConfigKey(string key, object? value) =>
        key.StartsWith('+') || KnownConfigKeys.Contains(key) || value is not IReadOnlyDictionary<string, object?>;

    private static void ApplyAll(Dictionary<string, object?> config, IReadOnlyDictionary<string, object?> layer)
    {
        foreach (var (key, value) in layer) Merge(config, NormalizeKey(key), value);
    }

    private static void Merge(Dictionary<string, object?> config, string key, object? value)
    {
        if (AppendKeys.Contains(key))
        {
            var list = config.TryGetValue(key, out var existing) ? ToList(existing) : [];
            foreach (var item in ToList(value))
            {
                // Tags are a set kept in first-seen order; hooks may repeat on purpose.
                if (key != "tags" || !list.Contains(item)) list.Add(item);
            }
            config[key] = list;
        }
        else if (UpdateKeys.Contains(key) && AsDictionary(value) is { } update)
        {
            var merged = config.TryGetValue(key, out var existing) && AsDictionary(existing) is { } old
                ? new Dictionary<string, object?>(old, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (k, v) in update) merged[k] = v;
            config[key] = merged;
        }
        else if (key == "grants" && AsDictionary(value) is { } grants)
        {
            config[key] = MergeGrants(config.TryGetValue(key, out var existing) ? AsDictionary(existing) : null, grants);
        }
        else
        {
            config[key] = value;
        }
    }

    // dbt: a more specific level replaces a privilege's grantees, unless the privilege is written '+select'.
    private static Dictionary<string, object?> MergeGrants(IReadOnlyDictionary<string, object?>? existing, IReadOnlyDictionary<string, object?> update)
    {
        var merged = existing is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(existing, StringComparer.Ordinal);
        foreach (var (privilege, grantees) in update)
        {
            if (privilege.StartsWith('+'))
            {
                var name = privilege[1..];
                var list = merged.TryGetValue(name, out var old) ? ToList(old) : [];
                foreach (var g in ToList(grantees))
                {
                    if (!list.Contains(g)) list.Add(g);
                }
                merged[name] = list;
            }
            else
            {
                merged[privilege] = ToList(grantees);
            }
        }
        return merged;
    }

    private static List<object?> ToList(object? value) => value switch
    {
        null => [],
        string s => [s],
        IDictionary or IReadOnlyDictionary<string, object?> => [value],
        IEnumerable items => items.Cast<object?>().ToList(),
        _ => [value],
    };

    private static IReadOnlyDictionary<string, object?>? AsDictionary(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> d => d,
        IDictionary<string, object?> d => d.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        _ => null,
    };
}
