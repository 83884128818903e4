using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// <c>api</c>: <c>api.Relation</c> (<c>create(database=, schema=, identifier=, type=)</c>,
/// <c>add_ephemeral_prefix</c>, the type names <c>Table</c>, <c>View</c>, <c>CTE</c>…) and
/// <c>api.Column</c>, for one target.
/// </summary>
internal static class RelationApi
{
    private const string Usage = "api.Relation.create(database=…, schema=…, identifier=…, type='table')";

    /// <summary>dbt names ephemeral CTEs <c>__dbt__cte__model</c>; packages strip it to find the model.</summary>
    public const string EphemeralPrefix = "__dbt__cte__";

    public static Namespace Api(RelationQuoting quoting, ColumnFlavor flavor)
    {
        var relation = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["create"] = Create(quoting),
            ["add_ephemeral_prefix"] = AddEphemeralPrefix,
        };
        foreach (var name in TypeConstants) relation[name] = TypeConstant(name);
        return new("api", new Dictionary<string, object?>
        {
            ["Relation"] = new Namespace($"<class '{quoting.RelationClass}'>", relation),
            ["Column"] = new ColumnApi(flavor, quoting),
        });
    }

    private static readonly string[] TypeConstants = ["Table", "View", "CTE", "External", "MaterializedView", "PointerTable"];

    /// <summary><c>api.Relation.View</c> → <c>'view'</c>; null for other names.</summary>
    public static string? TypeConstant(string name) => name switch
    {
        "Table" => RelationType.Table,
        "View" => RelationType.View,
        "CTE" => RelationType.Cte,
        "External" => RelationType.External,
        "MaterializedView" => RelationType.MaterializedView,
        "PointerTable" => RelationType.PointerTable,
        _ => null,
    };

    public static Function AddEphemeralPrefix { get; } = new("add_ephemeral_prefix", a =>
        EphemeralPrefix + TemplateValues.Str(Args.Value(a, 0, "name", "add_ephemeral_prefix", "api.Relation.add_ephemeral_prefix('model')")));

    // Keyword quote_policy / include_policy dicts adjust the new relation as dbt's from_dict would.
    public static Function Create(RelationQuoting quoting) => new("create", a =>
    {
        var type = Args.OptionalString(a, 3, "type", "api.Relation.create", Usage);
        if (!RelationType.IsKnown(type)) throw ContextErrors.RelationType(type!, a.CallSpan);
        var relation = new Relation(
            Args.OptionalString(a, 0, "database", "api.Relation.create", Usage),
            Args.OptionalString(a, 1, "schema", "api.Relation.create", Usage),
            Args.OptionalString(a, 2, "identifier", "api.Relation.create", Usage),
            type,
            quoting);
        if (Policy(a.Get(-1, "quote_policy")) is { } quote)
        {
            relation = relation with
            {
                Quoting = relation.Quoting with
                {
                    QuoteDatabase = quote.GetValueOrDefault("database", relation.Quoting.QuoteDatabase),
                    QuoteSchema = quote.GetValueOrDefault("schema", relation.Quoting.QuoteSchema),
                    QuoteIdentifier = quote.GetValueOrDefault("identifier", relation.Quoting.QuoteIdentifier),
                },
            };
        }
        if (Policy(a.Get(-1, "include_policy")) is { } include)
        {
            relation = relation with
            {
                Quoting = relation.Quoting with { IncludeDatabase = include.GetValueOrDefault("database", relation.Quoting.IncludeDatabase) },
                IncludeSchema = include.GetValueOrDefault("schema", relation.IncludeSchema),
                IncludeIdentifier = include.GetValueOrDefault("identifier", relation.IncludeIdentifier),
            };
        }
        return relation;
    });

    private static Dictionary<string, bool>? Policy(object? value) => value switch
    {
        IDictionary<string, object?> d => d.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => TemplateValues.IsTruthy(p.Value)),
        IReadOnlyDictionary<string, object?> r => r.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => TemplateValues.IsTruthy(p.Value)),
        _ => null,
    };
}
