using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Tests.Connections.SqlServer;

/// Profiles for tests that need no server.
internal static class Profiles
{
    public const string Password = "S3cret-Pa55word!";

    public const string ClientSecret = "cl13nt~s3cret.value";

    public static SqlServerTargetProfile For(SqlServerAuthentication authentication) => new()
    {
        Name = "prod",
        Server = "db.example.com",
        Database = "analytics",
        Schema = "dbo",
        Authentication = authentication,
        User = "forge_user",
        Password = Password,
        ClientId = "11111111-2222-3333-4444-555555555555",
        ClientSecret = ClientSecret,
        TenantId = "66666666-7777-8888-9999-000000000000",
    };
}
