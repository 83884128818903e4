using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>An incremental model's configuration, checked: strategy, unique key, schema-change policy.</summary>
internal sealed record IncrementalOptions(
    string Model,
    string Strategy,
    IReadOnlyList<string> UniqueKey,
    string OnSchemaChange,
    bool FullRefresh,
    IReadOnlyList<string>? MergeUpdateColumns,
    IReadOnlyList<string> MergeExcludeColumns,
    SourceSpan? Span)
{
    /// <summary>Reads the node's config; throws DiagnosticException for an unknown strategy or policy.</summary>
    public static IncrementalOptions From(ProjectNode node, bool fullRefreshFlag, Compiler.Targets.TargetSql? sql = null)
    {
        var config = node.Config;
        var key = config.UniqueKey;
        // The adapter's default: dbt-postgres and dbt-duckdb delete+insert when a key is given, dbt-sqlserver merges; else append.
        var strategy = config.IncrementalStrategy?.Trim().ToLowerInvariant()
            ?? (sql ?? Compiler.Targets.DuckDb.DuckDbSql.Instance).DefaultIncrementalStrategy(key.Count > 0);
        if (strategy == "delete_insert") strategy = "delete+insert";
        var span = node.DefinitionSpan;
        if (!DiagnosticCodes.Incremental.Strategies.Contains(strategy))
            throw new DiagnosticException(DiagnosticCodes.Incremental.UnknownStrategy(span, node.Name, config.IncrementalStrategy!));
        if (strategy == "delete+insert" && key.Count == 0)
            throw new DiagnosticException(DiagnosticCodes.Incremental.UniqueKeyRequired(span, node.Name, strategy));
        var policy = config.OnSchemaChange.Trim().ToLowerInvariant();
        if (!DiagnosticCodes.Incremental.SchemaChangePolicies.Contains(policy))
            throw new DiagnosticException(DiagnosticCodes.Incremental.UnknownOnSchemaChange(span, node.Name, config.OnSchemaChange));
        return new IncrementalOptions(node.Name, strategy, key, policy, config.FullRefresh ?? fullRefreshFlag,
            config.Get("merge_update_columns") is null ? null : Strings(config.Get("merge_update_columns")),
            Strings(config.Get("merge_exclude_columns")), span)
        {
            Predicates = Strings(config.Get("incremental_predicates")),
        };
    }

    /// <summary>For one batch of a microbatch model: the window it replaces and the event_time column that places rows in it.</summary>
    public (string EventTime, Compiler.Compilation.Microbatch.MicrobatchWindow Window)? Batch { get; init; }

    /// <summary>Suffix of the staging helper's name; concurrent batches each stage under their own (SQL Server's staging is a real table).</summary>
    public string StagingSuffix { get; init; } = "incr";

    /// <summary>dbt's incremental_predicates: extra conditions on the target rows a merge or delete+insert touches.</summary>
    public IReadOnlyList<string> Predicates { get; init; } = [];

    private static IReadOnlyList<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        System.Collections.IEnumerable items => items.Cast<object?>().Where(i => i is not null).Select(i => i!.ToString()!).ToList(),
        _ => [value.ToString()!],
    };
}
