using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Compilation.SemanticLayer;

/// <summary>
/// Reads a semantic model's <c>model:</c> value, a single <c>ref()</c> call as dbt renders it:
/// <c>ref('m')</c>, <c>ref('pkg', 'm')</c>, <c>ref('m', v=2)</c> / <c>version=2</c>, optionally inside <c>{{ }}</c>.
/// A value that is not such a call gives null, so the caller reports it.
/// </summary>
internal static class RefExpression
{
    public static RefCall? Parse(string text, SourceSpan span)
    {
        var s = text.Trim();
        if (s.StartsWith("{{", StringComparison.Ordinal) && s.EndsWith("}}", StringComparison.Ordinal)) s = s[2..^2].Trim();
        if (!s.StartsWith("ref", StringComparison.Ordinal)) return null;
        s = s[3..].TrimStart();
        if (!s.StartsWith('(') || !s.EndsWith(')')) return null;
        var names = new List<string>();
        NodeVersion? version = null;
        foreach (var raw in SplitArguments(s[1..^1]))
        {
            var argument = raw.Trim();
            var equals = argument.IndexOf('=');
            if (equals > 0 && !IsQuoted(argument))
            {
                var key = argument[..equals].Trim();
                var value = Unquote(argument[(equals + 1)..].Trim()) ?? argument[(equals + 1)..].Trim();
                if (key is not ("v" or "version") || value.Length == 0) return null;
                version = NodeVersion.Parse(value);
            }
            else if (Unquote(argument) is { } name && version is null) names.Add(name);
            else return null;
        }
        return names.Count switch
        {
            1 => new RefCall(null, names[0], version, span),
            2 => new RefCall(names[0], names[1], version, span),
            _ => null,
        };
    }

    private static IEnumerable<string> SplitArguments(string arguments)
    {
        var start = 0;
        char? quote = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var c = arguments[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '\'' or '"') quote = c;
            else if (c == ',') { yield return arguments[start..i]; start = i + 1; }
        }
        if (arguments[start..].Trim().Length > 0 || start > 0) yield return arguments[start..];
    }

    private static bool IsQuoted(string s) => s.Length >= 2 && s[0] is '\'' or '"' && s[^1] == s[0];

    private static string? Unquote(string s) => IsQuoted(s) && s.IndexOf(s[0], 1) == s.Length - 1 ? s[1..^1] : null;
}
