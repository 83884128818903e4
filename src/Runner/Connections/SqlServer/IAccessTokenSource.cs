using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>Gets an Entra ID access token for Azure SQL (scope https://database.windows.net/.default).</summary>
internal interface IAccessTokenSource
{
    /// <summary>The token text; throws <see cref="Azure.Identity.AuthenticationFailedException"/> when no credential yields one.</summary>
    string GetToken(SqlServerTargetProfile profile);
}
