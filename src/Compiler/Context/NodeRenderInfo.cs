namespace ModelForge.Compiler.Context;

/// <summary>The node being rendered: what <c>this</c>, <c>model</c> and <c>config</c> see. One per render.</summary>
public sealed class NodeRenderInfo
{
    /// <summary>e.g. <c>model.my_project.orders</c>.</summary>
    public required string UniqueId { get; init; }

    public required string Name { get; init; }

    /// <summary>model, seed, snapshot, test, analysis, operation, macro…</summary>
    public string ResourceType { get; init; } = "model";

    /// <summary>The project or package the node belongs to; macros of this package are found first.</summary>
    public required string PackageName { get; init; }

    /// <summary>Project-relative path of the node's file, e.g. <c>models/orders.sql</c>.</summary>
    public string FilePath { get; init; } = "";

    /// <summary>The relation the node builds; null for nodes without one (operations, macros).</summary>
    public Relation? This { get; init; }

    // Made only when none is given: an initializer would build one per render for the setter to drop.
    private IDictionary<string, object?>? _config;

    /// <summary>
    /// The node's resolved config. <c>config(...)</c> writes into it during the render (dbt's in-file
    /// config wins over YAML and project config), so pass a fresh, ordered, mutable dictionary.
    /// </summary>
    public IDictionary<string, object?> Config
    {
        get => _config ?? Interlocked.CompareExchange(ref _config, new Dictionary<string, object?>(StringComparer.Ordinal), null) ?? _config!;
        init => _config = value;
    }

    public RenderPhase Phase { get; init; } = RenderPhase.Parse;

    /// <summary>The node as a dict, for <c>model</c> (manifest fields); a minimal one is made when null.</summary>
    public IReadOnlyDictionary<string, object?>? Model { get; init; }

    /// <summary>Records what the render reads, for the compile cache; null when nobody asks.</summary>
    internal RenderInputs? Inputs { get; init; }

    /// <summary>
    /// The answer is_incremental() gave this node's last render, replayed by a compile delta (the invocation memo has
    /// proven the database's catalog unchanged since); null to ask the database.
    /// </summary>
    internal bool? RecordedIncremental { get; init; }

    /// <summary>Told the arguments of each config() call as it is made (the static parse memo keeps a parse render's); null when nobody asks.</summary>
    internal Action<IReadOnlyList<object?>, IReadOnlyList<KeyValuePair<string, object?>>>? ConfigCalls { get; init; }

    /// <summary>How messages name the node: <c>model 'orders'</c>.</summary>
    public string Description => $"{ResourceType} '{Name}'";
}
