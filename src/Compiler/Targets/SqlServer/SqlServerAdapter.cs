using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;

namespace ModelForge.Compiler.Targets.SqlServer;

/// <summary>
/// SQL Server, Azure SQL and Fabric Warehouse: no WITH inside a CTE (ephemerals' CTEs are
/// hoisted), booleans stored as BIT, and models parsed with ScriptDom at compile time in the
/// grammar the profile's <see cref="VersionKey"/> names.
/// </summary>
internal sealed class SqlServerAdapter : IWarehouseAdapter
{
    public static readonly SqlServerAdapter Instance = new();

    /// <summary>The profile key naming the server version (dbt-sqlserver and dbt-fabric have none; ModelForge's own).</summary>
    public const string VersionKey = "sql_server_version";

    public string Type => "sqlserver";

    public IReadOnlyList<string> Aliases { get; } = [];

    public TargetSql Sql => SqlServerSql.Instance;

    public TargetCapabilities Capabilities { get; } = SqlServerSql.Instance.Capabilities with
    {
        NestedCtes = false,
        NativeBoolean = false,
        SeedTypes = SeedTypeMap.SqlServer,
    };

    public RelationQuoting Quoting => RelationQuoting.SqlServer;

    public ColumnFlavor Flavor => ColumnFlavor.SqlServer;

    public TargetProfile? ReadProfile(ProfileOutput output) =>
        SqlServerProfileReader.Read(output.Reader, output.Name, output.Output, output.KeySpan);

    public SqlValidator Validator(TargetProfile? profile) => TSqlValidator.For(Grammar(profile));

    public IQueryParser? LineageParser(TargetProfile? profile) => new LineageTSqlParser(Grammar(profile));

    /// <summary>The grammar of a profile's <c>sql_server_version</c>; 2022 when unset or not a SQL Server profile.</summary>
    public static TSqlGrammar Grammar(TargetProfile? profile) =>
        profile is SqlServerTargetProfile { SqlServerVersion: var version } && TSqlGrammar.Find(version) is { } grammar ? grammar : TSqlGrammar.Default;
}
