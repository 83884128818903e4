using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;

namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>
/// DuckDB: nests CTEs freely and has real booleans. Models are checked by DuckDB itself at run
/// time (no static validator), and column lineage needs DuckDB's own parser
/// (<c>json_serialize_sql</c>), which the runner's DuckDB adapter supplies.
/// </summary>
internal sealed class DuckDbAdapter : IWarehouseAdapter
{
    public static readonly DuckDbAdapter Instance = new();

    public string Type => "duckdb";

    public IReadOnlyList<string> Aliases { get; } = [];

    public TargetSql Sql => DuckDbSql.Instance;

    public TargetCapabilities Capabilities { get; } = DuckDbSql.Instance.Capabilities with
    {
        NestedCtes = true,
        NativeBoolean = true,
        ExternalFiles = true,
        SeedTypes = SeedTypeMap.DuckDb,
    };

    public RelationQuoting Quoting => RelationQuoting.DuckDb;

    public ColumnFlavor Flavor => ColumnFlavor.DuckDb;

    public TargetProfile? ReadProfile(ProfileOutput output) =>
        DuckDbProfileReader.Read(output.Reader, output.Root, output.Name, output.Output);

    public SqlValidator Validator(TargetProfile? profile) => SqlValidator.None;

    public IQueryParser? LineageParser(TargetProfile? profile) => null;
}
