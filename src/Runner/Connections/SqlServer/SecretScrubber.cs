using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// Removes a profile's secrets from text that is about to be shown (dbt's scrub_secrets): a
/// driver or identity library may echo what it was given.
/// </summary>
internal static class SecretScrubber
{
    public const string Mask = "********";

    public static IEnumerable<string> SecretsOf(SqlServerTargetProfile profile)
    {
        // Very short values would mask ordinary words; nobody's secret is that short.
        if (profile.Password is { Length: >= 3 } password) yield return password;
        if (profile.ClientSecret is { Length: >= 3 } secret) yield return secret;
    }

    public static string Scrub(string text, SqlServerTargetProfile profile)
    {
        foreach (var secret in SecretsOf(profile)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }

    /// <summary>True when <paramref name="value"/> is one of the profile's secrets (a setting under an alias such as PWD).</summary>
    public static bool IsSecretValue(string? value, SqlServerTargetProfile profile) =>
        !string.IsNullOrEmpty(value) && SecretsOf(profile).Contains(value, StringComparer.Ordinal);
}
