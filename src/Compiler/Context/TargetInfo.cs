namespace ModelForge.Compiler.Context;

/// <summary>
/// The active target as <c>target</c> shows it. <see cref="Extra"/> holds target-specific keys
/// (host, port, path…); secret-looking keys are never exposed to templates.
/// </summary>
/// <param name="Type">Adapter type: <c>duckdb</c>, <c>sqlserver</c>.</param>
public sealed record TargetInfo(
    string Name,
    string Type,
    string Schema,
    string? Database = null,
    int Threads = 1,
    string ProfileName = "default")
{
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    private static readonly string[] SecretWords = ["password", "pass", "secret", "token", "private_key", "keyfile", "credential"];

    /// <summary>True for keys like password, client_secret, token, private_key_passphrase.</summary>
    public static bool IsSecretKey(string key)
    {
        var k = key.ToLowerInvariant();
        foreach (var word in SecretWords)
        {
            if (k == word || k.Contains(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
