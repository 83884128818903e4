using System.Text;

namespace ModelForge.Compiler.Project;

/// <summary>A SQL Server / Azure SQL target (fields as in dbt-sqlserver). Secrets never appear in <see cref="ToString"/>.</summary>
public sealed record SqlServerTargetProfile : TargetProfile
{
    public override string Type => "sqlserver";

    public required string Server { get; init; }

    public int Port { get; init; } = 1433;

    public SqlServerAuthentication Authentication { get; init; } = SqlServerAuthentication.Sql;

    public string? User { get; init; }

    public string? Password { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? TenantId { get; init; }

    public bool Encrypt { get; init; } = true;

    public bool TrustCert { get; init; }

    /// <summary>Seconds; 0 means the driver's default.</summary>
    public int LoginTimeout { get; init; }

    /// <summary>Seconds; 0 means no limit.</summary>
    public int QueryTimeout { get; init; }

    public int Retries { get; init; } = 1;

    /// <summary>
    /// <c>sql_server_version</c>: the grammar models are validated with at compile time
    /// (2016, 2017, 2019, 2022, 2025, azure, fabric); 2022 when not set.
    /// </summary>
    public string SqlServerVersion { get; init; } = "2022";

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"SqlServerTargetProfile {{ Name = {Name}, Server = {Server}, Port = {Port}, Database = {Database}, Schema = {Schema}, ");
        text.Append($"Authentication = {Authentication}, User = {User}, ClientId = {ClientId}, TenantId = {TenantId}, ");
        text.Append($"Encrypt = {Encrypt}, TrustCert = {TrustCert}, Threads = {Threads} }}");
        return text.ToString();
    }
}
