namespace ModelForge.Compiler.Project;

/// <summary>How a SQL Server target signs in (dbt-sqlserver's <c>authentication</c> field).</summary>
public enum SqlServerAuthentication
{
    Sql,
    Windows,
    ActiveDirectoryDefault,
    ActiveDirectoryServicePrincipal,
    ActiveDirectoryInteractive,
    ActiveDirectoryManagedIdentity,
    ActiveDirectoryPassword,
}
