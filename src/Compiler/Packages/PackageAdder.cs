namespace ModelForge.Compiler.Packages;

/// <summary>
/// `--add-package NAME@VERSION --source hub|git|local`, as dbt's deps task does it: entries of the
/// same package (any source; `_` and `-` spellings alike, at '/' or '.' boundaries) are removed and
/// the new entry is appended. The file is rewritten whole, as dbt's yaml.dump does.
/// </summary>
internal static class PackageAdder
{
    /// <summary>Null when <paramref name="value"/> has no name.</summary>
    public static (string Name, string? Version)? Parse(string value)
    {
        var at = value.LastIndexOf('@');
        var (name, version) = at > 0 ? (value[..at].Trim(), value[(at + 1)..].Trim()) : (value.Trim(), null);
        return name.Length == 0 ? null : (name, string.IsNullOrEmpty(version) ? null : version);
    }

    /// <summary>The new entry: hub `package:`/`version:`, git `git:`/`revision:`, local `local:`; a version with commas becomes a list.</summary>
    public static Dictionary<string, object?> Entry(string name, string? version, string source)
    {
        var entry = new Dictionary<string, object?>(StringComparer.Ordinal) { [source == "hub" ? "package" : source] = name };
        if (version is not null)
        {
            object? value = version.Contains(',') ? version.Split(',').Select(v => (object?)v.Trim()).ToList() : version;
            entry[source == "git" ? "revision" : "version"] = value;
        }
        return entry;
    }

    /// <summary>The document with matching entries removed and <paramref name="entry"/> appended; also the removed entries.</summary>
    public static (Dictionary<string, object?> Document, List<IReadOnlyDictionary<string, object?>> Removed) Add(
        IReadOnlyDictionary<string, object?>? document, string name, Dictionary<string, object?> entry)
    {
        var result = document is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(document, StringComparer.Ordinal);
        var list = result.GetValueOrDefault("packages") is IReadOnlyList<object?> existing ? existing.ToList() : [];
        var removed = new List<IReadOnlyDictionary<string, object?>>();
        var variants = Variants(name);
        foreach (var item in list.ToList())
        {
            if (item is not IReadOnlyDictionary<string, object?> map) continue;
            var identifier = (string?)(new[] { "package", "git", "local", "tarball", "private" }.Select(k => map.GetValueOrDefault(k) as string).FirstOrDefault(v => v is not null));
            if (identifier is null || !variants.Any(v => Matches(identifier, v))) continue;
            list.Remove(item);
            removed.Add(map);
        }
        list.Add(entry);
        result["packages"] = list;
        return (result, removed);
    }

    private static HashSet<string> Variants(string name)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal) { name, name.Replace('_', '-'), name.Replace('-', '_') };
        if (name.Contains('/'))
        {
            var shortName = name[(name.LastIndexOf('/') + 1)..];
            variants.UnionWith([shortName, shortName.Replace('_', '-'), shortName.Replace('-', '_')]);
        }
        return variants;
    }

    // dbt checks only the first occurrence, with '/' and '.' (or the ends) on both sides.
    private static bool Matches(string identifier, string variant)
    {
        var index = identifier.IndexOf(variant, StringComparison.Ordinal);
        if (index < 0) return false;
        var end = index + variant.Length;
        return (index == 0 || identifier[index - 1] is '/' or '.') && (end == identifier.Length || identifier[end] is '/' or '.');
    }
}
