using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Packages;

/// <summary>
/// Remembers the values of DBT_ENV_SECRET_* variables read while rendering package files and hides
/// them in everything printed or written (dbt's scrub_secrets), e.g. a token inside a git URL.
/// </summary>
internal sealed class SecretScrubber
{
    public const string Mask = "*****";
    private const string SecretPrefix = "DBT_ENV_SECRET";
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>An environment reader that records the secret values it hands out.</summary>
    public Func<string, string?> Watch(Func<string, string?> environment) => name =>
    {
        var value = environment(name);
        if (value is { Length: > 0 } && name.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            lock (_gate) _secrets.Add(value);
        }
        return value;
    };

    public string Scrub(string text)
    {
        lock (_gate)
        {
            // Longest first, so a secret that contains another is hidden whole.
            foreach (var secret in _secrets.OrderByDescending(s => s.Length)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    public Diagnostic Scrub(Diagnostic diagnostic) => diagnostic with
    {
        Message = Scrub(diagnostic.Message),
        Hint = diagnostic.Hint is null ? null : Scrub(diagnostic.Hint),
        Detail = diagnostic.Detail is null ? null : Scrub(diagnostic.Detail),
    };
}
