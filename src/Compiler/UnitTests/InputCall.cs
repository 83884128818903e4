using System.Text.RegularExpressions;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// A unit test's <c>input:</c> read as the call it spells: <c>ref('m')</c>, <c>ref('pkg', 'm')</c>,
/// <c>ref('m', v=2)</c>, <c>source('s', 't')</c> or <c>this</c>. The text is never rendered, as in dbt.
/// </summary>
internal sealed partial record InputCall(string Kind, string? Package, string Name, string? Table, NodeVersion? Version)
{
    public bool IsThis => Kind == "this";

    public bool IsSource => Kind == "source";

    /// <summary>How messages show the input: <c>ref('stg_orders')</c>.</summary>
    public string Display => Kind switch
    {
        "this" => "this",
        "source" => $"source('{Name}', '{Table}')",
        _ => Package is null ? $"ref('{Name}'{VersionText})" : $"ref('{Package}', '{Name}'{VersionText})",
    };

    private string VersionText => Version is { } v ? v.Value is string ? $", v='{v}'" : $", v={v}" : "";

    public static InputCall? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed == "this") return new InputCall("this", null, "this", null, null);
        var match = CallPattern().Match(trimmed);
        if (!match.Success) return null;
        var args = match.Groups["args"].Captures.Select(c => c.Value).ToList();
        NodeVersion? version = match.Groups["version"].Success ? NodeVersion.Parse(match.Groups["version"].Value) : null;
        return match.Groups["fn"].Value switch
        {
            "ref" when args.Count == 1 => new InputCall("ref", null, args[0], null, version),
            "ref" when args.Count == 2 => new InputCall("ref", args[0], args[1], null, version),
            "source" when args.Count == 2 && version is null => new InputCall("source", null, args[0], args[1], null),
            _ => null,
        };
    }

    [GeneratedRegex("""^(?<fn>ref|source)\s*\(\s*['"](?<args>[^'"]+)['"](?:\s*,\s*['"](?<args>[^'"]+)['"])?(?:\s*,\s*(?:v|version)\s*=\s*['"]?(?<version>[A-Za-z0-9_.\-]+)['"]?)?\s*\)$""")]
    private static partial Regex CallPattern();
}
