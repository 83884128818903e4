using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// Turns the entries of a `packages:` list into <see cref="PackageSpec"/>s, checking them as dbt's
/// PackageConfig.validate does. Entries from a file keep their positions; entries from the hub's
/// JSON carry the span of the package that required them.
/// </summary>
internal static class PackageSpecReader
{
    private static readonly Dictionary<string, string[]> AllowedKeys = new(StringComparer.Ordinal)
    {
        ["package"] = ["package", "version", "install_prerelease", "install-prerelease", "name"],
        ["git"] = ["git", "revision", "warn-unpinned", "subdirectory", "name"],
        ["local"] = ["local", "name"],
        ["tarball"] = ["tarball", "name"],
    };

    public static List<PackageSpec> ReadList(SourceText source, YamlNode? list, IYamlValueRenderer? renderer, string requiredBy, DiagnosticBag diagnostics)
    {
        var specs = new List<PackageSpec>();
        if (list is null || YamlReader.IsNull(list)) return specs;
        if (list is not YamlSequenceNode sequence)
        {
            diagnostics.Add(DiagnosticCodes.Packages.InvalidEntry(YamlValues.SpanOf(source, list), "`packages:` is not a list",
                "write one `- package:`, `- git:`, `- local:` or `- tarball:` entry per line"));
            return specs;
        }
        foreach (var item in sequence.Children)
        {
            var span = YamlValues.SpanOf(source, item);
            if (item is not YamlMappingNode map)
            {
                diagnostics.Add(DiagnosticCodes.Packages.InvalidEntry(span, "a `packages:` entry is not a mapping",
                    "write e.g. `- package: dbt-labs/dbt_utils` with `version:` on the next line"));
                continue;
            }
            var unrendered = (Dictionary<string, object?>)YamlValues.ToValue(map)!;
            var rendered = (Dictionary<string, object?>)YamlValues.ToValue(map, (scalar, _) => Render(source, scalar, renderer, diagnostics))!;
            SourceSpan? SpanOf(string key) => YamlReader.Get(map, key) is { } node ? YamlValues.SpanOf(source, node)
                : map.Children.Keys.FirstOrDefault(k => YamlValues.KeyText(k) == key) is { } k ? YamlValues.SpanOf(source, k) : span;
            SourceSpan? KeySpan(string key) => map.Children.Keys.FirstOrDefault(k => YamlValues.KeyText(k) == key) is { } k ? YamlValues.SpanOf(source, k) : span;
            if (Build(rendered, unrendered, SpanOf, KeySpan, span, requiredBy, diagnostics) is { } spec) specs.Add(spec);
        }
        return specs;
    }

    /// <summary>Dependencies of a hub version: plain values from its JSON, already rendered by the hub.</summary>
    public static List<PackageSpec> FromValues(IEnumerable<object?> entries, string requiredBy, SourceSpan? span, DiagnosticBag diagnostics)
    {
        var specs = new List<PackageSpec>();
        foreach (var entry in entries)
        {
            if (entry is not IReadOnlyDictionary<string, object?> map) continue;
            if (Build(map, map, _ => span, _ => span, span, requiredBy, diagnostics) is { } spec) specs.Add(spec);
        }
        return specs;
    }

    private static object? Render(SourceText source, YamlScalarNode scalar, IYamlValueRenderer? renderer, DiagnosticBag diagnostics)
    {
        var text = scalar.Value ?? "";
        if (renderer is null || !(text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal))) return text;
        try
        {
            return renderer.Render(text, YamlValues.SpanOf(source, scalar), YamlRenderScope.Profile);
        }
        catch (DiagnosticException e)
        {
            diagnostics.Add(e.Diagnostic);
            return text;
        }
    }

    private static PackageSpec? Build(IReadOnlyDictionary<string, object?> rendered, IReadOnlyDictionary<string, object?> unrendered,
        Func<string, SourceSpan?> spanOf, Func<string, SourceSpan?> keySpan, SourceSpan? entrySpan, string requiredBy, DiagnosticBag diagnostics)
    {
        var kindKey = AllowedKeys.Keys.FirstOrDefault(rendered.ContainsKey);
        if (kindKey is null)
        {
            var hint = rendered.ContainsKey("private")
                ? "private packages need dbt Cloud; install the repository with `git:` instead"
                : "start the entry with `package:` (hub), `git:`, `local:` or `tarball:`";
            diagnostics.Add(DiagnosticCodes.Packages.InvalidEntry(entrySpan, "this `packages:` entry names no package source", hint));
            return null;
        }
        var errors = diagnostics.Count;
        foreach (var key in rendered.Keys.Where(k => !AllowedKeys[kindKey].Contains(k)))
        {
            diagnostics.Add(DiagnosticCodes.Packages.InvalidEntry(keySpan(key), $"unknown key '{key}' in a {KindName(kindKey)} package entry",
                "allowed here: " + string.Join(", ", AllowedKeys[kindKey].Where(k => k != "install-prerelease"))));
        }
        var location = Text(rendered, kindKey);
        if (string.IsNullOrWhiteSpace(location))
        {
            diagnostics.Add(DiagnosticCodes.Packages.InvalidEntry(spanOf(kindKey), $"`{kindKey}:` is empty", $"give the {KindName(kindKey)} package's {(kindKey == "package" ? "name" : kindKey == "local" ? "path" : "URL")}"));
            return null;
        }
        var hash = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (rendered.TryGetValue("name", out var nameValue) && nameValue is not null) hash["name"] = nameValue;
        if (!ReferenceEquals(rendered, unrendered)) hash["unrendered"] = unrendered;
        var spec = new PackageSpec { Kind = PackageKind.Hub, Location = location, Name = Text(rendered, "name"), Span = entrySpan, RequiredBy = requiredBy, HashFields = hash };
        switch (kindKey)
        {
            case "package":
                spec = Hub(spec, rendered, spanOf, entrySpan, hash, diagnostics);
                break;
            case "git":
                hash["git"] = location;
                hash["revision"] = rendered.GetValueOrDefault("revision");
                hash["warn-unpinned"] = rendered.GetValueOrDefault("warn-unpinned");
                hash["subdirectory"] = rendered.GetValueOrDefault("subdirectory");
                spec = spec with
                {
                    Kind = PackageKind.Git,
                    UnrenderedLocation = Text(unrendered, "git"),
                    Revision = Text(rendered, "revision"),
                    Subdirectory = Text(rendered, "subdirectory"),
                    WarnUnpinned = rendered.GetValueOrDefault("warn-unpinned") is not false,
                };
                break;
            case "local":
                hash["local"] = location;
                spec = spec with { Kind = PackageKind.Local };
                break;
            default:
                hash["tarball"] = location;
                var name = Text(rendered, "name");
                if (string.IsNullOrWhiteSpace(name))
                    diagnostics.Add(DiagnosticCodes.Packages.InvalidEntry(entrySpan, "a tarball package needs `name:`", "add `name:` with the package's project name"));
                spec = spec with { Kind = PackageKind.Tarball, UnrenderedLocation = Text(unrendered, "tarball"), Name = name };
                break;
        }
        return diagnostics.Count == errors ? spec : null;
    }

    private static PackageSpec Hub(PackageSpec spec, IReadOnlyDictionary<string, object?> rendered, Func<string, SourceSpan?> spanOf,
        SourceSpan? entrySpan, Dictionary<string, object?> hash, DiagnosticBag diagnostics)
    {
        var name = spec.Location;
        var version = rendered.GetValueOrDefault("version");
        var prerelease = rendered.GetValueOrDefault("install_prerelease") ?? rendered.GetValueOrDefault("install-prerelease");
        hash["package"] = name;
        hash["version"] = version;
        hash["install_prerelease"] = prerelease ?? false;
        if (!name.Contains('/')) diagnostics.Add(DiagnosticCodes.Packages.NoNamespace(spanOf("package"), name));
        var texts = version switch
        {
            null => [],
            IEnumerable<object?> list when version is not string => list.Select(ScalarText).ToList(),
            _ => ScalarText(version).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
        };
        if (texts.Count == 0 || texts.Any(string.IsNullOrWhiteSpace)) diagnostics.Add(DiagnosticCodes.Packages.MissingVersion(version is null ? entrySpan : spanOf("version"), name));
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t) && VersionRange.Parse(t) is null))
            diagnostics.Add(DiagnosticCodes.Packages.InvalidVersion(spanOf("version"), text));
        return spec with { Kind = PackageKind.Hub, Versions = texts, InstallPrerelease = prerelease is true };
    }

    private static string? Text(IReadOnlyDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is not null ? ScalarText(value) : null;

    private static string ScalarText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => PythonJson.Float(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string KindName(string key) => key == "package" ? "hub" : key;
}
