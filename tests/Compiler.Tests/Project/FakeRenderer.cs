using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>
/// Stands in for the template engine: understands exactly <c>{{ env_var('X') }}</c>,
/// <c>{{ env_var('X', 'default') }}</c> and <c>{{ var('x') }}</c> filling the whole value.
/// </summary>
internal sealed class FakeRenderer(IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, object?>? vars = null) : IYamlValueRenderer
{
    public List<(string Text, YamlRenderScope Scope, SourceSpan Span)> Calls { get; } = [];

    public object? Render(string text, SourceSpan span, YamlRenderScope scope)
    {
        Calls.Add((text, scope, span));
        var inner = text.Trim();
        if (!inner.StartsWith("{{", StringComparison.Ordinal) || !inner.EndsWith("}}", StringComparison.Ordinal)) return text;
        inner = inner[2..^2].Trim();
        var open = inner.IndexOf('(');
        var function = inner[..open];
        var args = inner[(open + 1)..^1].Split(',').Select(a => a.Trim().Trim('\'', '"')).ToArray();
        return function switch
        {
            "env_var" when environment.TryGetValue(args[0], out var value) => value,
            "env_var" when args.Length > 1 => args[1],
            "env_var" => throw new DiagnosticException(Diagnostic.Error("MF2999", $"env var '{args[0]}' is not set", span)),
            "var" => vars?.GetValueOrDefault(args[0]),
            _ => text,
        };
    }
}
