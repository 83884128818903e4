using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.Ephemeral;

/// <summary>
/// The execute-time resolver of one <see cref="NodeCompiler"/>: refs to ephemeral models render as
/// their CTE name (<c>__dbt__cte__name</c>, as dbt names it) and are recorded for the inliner; every
/// other ref or source resolves to its relation. One render at a time, as the compiler it serves.
/// </summary>
internal sealed class EphemeralResolver(NodeLookup lookup) : IRelationResolver
{
    public const string CtePrefix = "__dbt__cte__";

    private List<ProjectNode>? _found;

    /// <summary>--defer: unique id → the relation the state manifest names for it.</summary>
    public IReadOnlyDictionary<string, Relation> Deferred { get; init; } = new Dictionary<string, Relation>();

    /// <summary>
    /// The microbatch window being rendered, or null: refs and sources whose node declares
    /// event_time then render filtered to it.
    /// </summary>
    public (Targets.TargetSql Sql, Microbatch.MicrobatchWindow Window)? Batch { get; set; }

    /// <summary>--empty: the target's SQL, whose zero-row form refs and sources then render as; null otherwise.</summary>
    public Targets.TargetSql? Empty { get; init; }

    /// <summary>Starts recording the ephemeral models refd by the next render; returns the list they go to.</summary>
    public List<ProjectNode> Record() => _found = [];

    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call)
    {
        var target = lookup.ResolveRef(new RefCall(package, name, version, call), node.PackageName, out var diagnostic)
            ?? throw new DiagnosticException(diagnostic!);
        if (!IsEphemeral(target)) return Filtered(target, Deferred.TryGetValue(target.UniqueId, out var deferred) ? deferred : target.Relation);
        if (_found is { } found && !found.Contains(target)) found.Add(target);
        return CteRelation(target);
    }

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call)
    {
        var target = lookup.ResolveSource(new SourceCall(source, table, call), node.PackageName, out var diagnostic)
            ?? throw new DiagnosticException(diagnostic!);
        return Filtered(target, target.Relation);
    }

    private Relation Filtered(ProjectNode target, Relation relation)
    {
        if (Empty is { } sql)
            return relation with { EmptyForm = sql.ZeroRows(relation.Render(), sql.Capabilities.DerivedTableNeedsAlias ? $"_dbt_limit_subq_{relation.Identifier}" : null) };
        if (Batch is not { } batch || target.Config.GetString("event_time") is not { Length: > 0 } column) return relation;
        return relation with
        {
            EventTimeFilter = batch.Sql.EventTimeFilter(column, batch.Window.Start, batch.Window.End),
            RequireAlias = batch.Sql.Capabilities.DerivedTableNeedsAlias,
        };
    }

    public static bool IsEphemeral(ProjectNode node) => node.ResourceType == ResourceType.Model && node.Materialized == "ephemeral";

    public static string CteName(ProjectNode node) => CtePrefix + node.Name;

    // Rendered bare, never quoted: the CTE is ours and its name is a plain identifier.
    private static Relation CteRelation(ProjectNode node) =>
        new(null, null, CteName(node), RelationType.Cte, node.Relation.Quoting with { QuoteIdentifier = false }) { IncludeSchema = false };
}
