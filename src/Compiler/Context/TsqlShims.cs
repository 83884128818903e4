namespace ModelForge.Compiler.Context;

/// <summary>
/// ModelForge's built-in T-SQL shims for dbt packages (the job the community <c>tsql_utils</c>
/// package does in dbt): <c>sqlserver__</c> versions of macros that dbt_utils, dbt_date and
/// dbt_expectations dispatch, embedded from <c>Targets/Macros/sqlserver_shims/&lt;namespace&gt;/</c>.
/// Each shimmed namespace gets its own registry package, because the packages dispatch macros of
/// the same name with different helpers (dbt_utils and dbt_date both have <c>date_spine</c>).
/// </summary>
internal static class TsqlShims
{
    /// <summary>The name users may write in a <c>dispatch:</c> search order to mean "the built-in shims".</summary>
    public const string Alias = "forge_tsql";

    /// <summary>The community shim package; when listed but not installed, the built-in shims stand in for it.</summary>
    public const string CommunityPackage = "tsql_utils";

    /// <summary>The folder under <c>Targets/Macros/</c> that holds the shims, one sub-folder per namespace.</summary>
    public const string Folder = "sqlserver_shims";

    /// <summary>The registry package holding the shims for <paramref name="macroNamespace"/>, e.g. <c>forge_tsql_dbt_utils</c>.</summary>
    public static string PackageFor(string macroNamespace) => Alias + "_" + macroNamespace;

    public static bool IsShimPackage(string package) => package.StartsWith(Alias + "_", StringComparison.Ordinal);
}
