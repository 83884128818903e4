using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Targets;

/// <summary>
/// Everything the compiler knows about one warehouse, looked up once from the profile's
/// <c>type</c> through <see cref="WarehouseAdapters"/>. Generic code asks the adapter, never the
/// target's name. The runner's half (connector, seed writer, error classifier) is
/// <c>ModelForge.Runner.Connections.Adapters.IRunnerAdapter</c>. Implementations are stateless singletons.
/// </summary>
internal interface IWarehouseAdapter
{
    /// <summary>The profile <c>type</c> (<c>duckdb</c>), also dbt's adapter type and dispatch prefix.</summary>
    string Type { get; }

    /// <summary>Other spellings of <c>type:</c> that select this adapter (lower case).</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>The statements that materialize models on this warehouse.</summary>
    TargetSql Sql { get; }

    /// <summary><see cref="TargetSql.Capabilities"/> completed with what the compiler needs (nested CTEs, booleans, seed types).</summary>
    TargetCapabilities Capabilities { get; }

    /// <summary>How relation names are quoted and rendered in templates.</summary>
    RelationQuoting Quoting { get; }

    /// <summary>The adapter's Column class rules (<c>is_string</c>, <c>translate_type</c>, ...).</summary>
    ColumnFlavor Flavor { get; }

    /// <summary>Reads this warehouse's output of profiles.yml; null (with diagnostics) when it is unusable.</summary>
    TargetProfile? ReadProfile(ProfileOutput output);

    /// <summary>The compile-time validator for a profile of this warehouse (null: the adapter's default).</summary>
    SqlValidator Validator(TargetProfile? profile);

    /// <summary>The column-lineage parser, or null when parsing needs the warehouse itself (the runner adapter supplies it).</summary>
    IQueryParser? LineageParser(TargetProfile? profile);
}
