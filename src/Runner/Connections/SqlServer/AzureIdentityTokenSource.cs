using Azure.Core;
using Azure.Identity;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// ActiveDirectoryDefault through Azure.Identity's DefaultAzureCredential (environment, workload
/// identity, managed identity, Azure CLI…). The token is kept until five minutes before it
/// expires, so N worker connections cost one sign-in, not N (the Azure CLI takes about a second).
/// </summary>
internal sealed class AzureIdentityTokenSource : IAccessTokenSource
{
    private static readonly string[] Scopes = ["https://database.windows.net/.default"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);

    public static readonly AzureIdentityTokenSource Shared = new();

    public string GetToken(SqlServerTargetProfile profile)
    {
        var key = $"{profile.TenantId}|{profile.ClientId}";
        lock (_lock)
        {
            if (_tokens.TryGetValue(key, out var cached) && cached.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(5)) return cached.Token;
            var options = new DefaultAzureCredentialOptions();
            // client_id picks a user-assigned managed identity; tenant_id narrows developer sign-ins.
            if (!string.IsNullOrEmpty(profile.ClientId)) options.ManagedIdentityClientId = profile.ClientId;
            if (!string.IsNullOrEmpty(profile.TenantId)) options.TenantId = profile.TenantId;
            var token = new DefaultAzureCredential(options).GetToken(new TokenRequestContext(Scopes));
            _tokens[key] = token;
            return token.Token;
        }
    }
}
