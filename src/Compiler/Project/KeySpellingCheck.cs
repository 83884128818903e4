using System.Text.RegularExpressions;
using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Warns about keys that look like a misspelt known key (<c>materialzed</c>, <c>+materialised</c>,
/// <c>descripton</c>, <c>data_test</c>). dbt accepts any config key (custom configs, meta), so an
/// unknown key is only reported when it is one edit from a known key (two for keys over eight
/// characters) and keys of four characters or fewer are never guessed at.
/// </summary>
internal static class KeySpellingCheck
{
    public static readonly string[] NodeKeys =
    [
        "name", "description", "config", "columns", "tests", "data_tests", "constraints", "docs", "meta", "tags", "access",
        "group", "latest_version", "versions", "deprecation_date", "time_spine", "freshness", "arguments", "unit_tests",
    ];

    public static readonly string[] ColumnKeys =
        ["name", "description", "data_type", "quote", "meta", "tags", "constraints", "tests", "data_tests", "policy_tags", "granularity", "config"];

    public static readonly string[] SourceKeys =
    [
        "name", "description", "database", "schema", "loader", "loaded_at_field", "loaded_at_query", "freshness", "quoting",
        "meta", "tags", "config", "tables", "overrides", "event_time",
    ];

    public static readonly string[] SourceTableKeys =
    [
        "name", "description", "identifier", "loaded_at_field", "loaded_at_query", "freshness", "quoting", "meta", "tags",
        "config", "columns", "tests", "data_tests", "external",
    ];

    /// <summary>The known key <paramref name="key"/> is probably a misspelling of, or null.</summary>
    public static string? Misspelling(string key, IEnumerable<string> known)
    {
        var bare = key.TrimStart('+');
        if (bare.Length <= 4 || known.Contains(bare)) return null;
        var allowed = bare.Length <= 8 ? 1 : 2;
        var nearest = NameSuggester.Nearest(bare, known, minimumEdits: 1);
        return nearest is not null && NameSuggester.Distance(bare, nearest) <= allowed ? nearest : null;
    }

    /// <summary>Keys of one schema YAML entry (a model, column, source, table) and of its <c>config:</c>.</summary>
    public static void CheckEntry(YamlReader reader, YamlMappingNode entry, string what, IReadOnlyList<string> known)
    {
        // By index: the children's enumerator is boxed, and this runs for every model and column.
        var children = entry.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var (keyNode, value) = children[i];
            var key = YamlValues.KeyText(keyNode);
            if (Misspelling(key, known) is { } nearest)
                reader.Diagnostics.Add(DiagnosticCodes.ProjectInput.MisspelledKey(reader.Span(keyNode), key, what, nearest));
            else if (key == "config" && value is YamlMappingNode config)
                CheckConfig(reader, config);
        }
    }

    /// <summary>The keys of a <c>config:</c> block, all configs.</summary>
    public static void CheckConfig(YamlReader reader, YamlMappingNode config)
    {
        foreach (var (keyNode, _) in config.Children)
        {
            var key = YamlValues.KeyText(keyNode);
            if (!ConfigResolver.KnownConfigKeys.Contains(key) && Misspelling(key, ConfigResolver.KnownConfigKeys) is { } nearest)
                reader.Diagnostics.Add(DiagnosticCodes.ProjectInput.MisspelledKey(reader.Span(keyNode), key, "config", nearest));
        }
    }

    /// <summary>
    /// A project-file config tree (<c>models:</c>, <c>seeds:</c>…): '+' keys are configs; other keys
    /// are configs when their value is not a mapping, else folders (checked one level down).
    /// </summary>
    public static void CheckTree(YamlReader reader, YamlNode? tree)
    {
        if (tree is not YamlMappingNode map) return;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlValues.KeyText(keyNode);
            var bare = key.TrimStart('+');
            if (ConfigResolver.KnownConfigKeys.Contains(bare)) continue;
            var isConfig = key.StartsWith('+') || value is not YamlMappingNode;
            if (isConfig && Misspelling(key, ConfigResolver.KnownConfigKeys) is { } nearest)
                reader.Diagnostics.Add(DiagnosticCodes.ProjectInput.MisspelledKey(reader.Span(keyNode), key, "config",
                    key.StartsWith('+') ? "+" + nearest : nearest));
            else if (!key.StartsWith('+')) CheckTree(reader, value);
        }
    }

    /// <summary>
    /// Keys a model's own <c>config(...)</c> call added: warned at <c>key=</c> (or <c>'key':</c>) in
    /// the file, else at the file's start.
    /// </summary>
    public static void CheckInFileConfig(SourceText source, IEnumerable<string> addedKeys, DiagnosticBag diagnostics)
    {
        foreach (var key in addedKeys)
        {
            if (ConfigResolver.KnownConfigKeys.Contains(key) || Misspelling(key, ConfigResolver.KnownConfigKeys) is not { } nearest) continue;
            var match = Regex.Match(source.Text, $@"(?<![\w.])['""]?{Regex.Escape(key)}['""]?\s*[=:]");
            var span = new SourceSpan(source, match.Success ? match.Index : 0, match.Success ? key.Length : 0);
            diagnostics.Add(DiagnosticCodes.ProjectInput.MisspelledKey(span, key, "config", nearest));
        }
    }
}
