using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// dbt's relation is a mapping over its fields (<c>to_dict</c>): packages test <c>relation is mapping</c>
/// and read <c>relation.get('metadata', {}).get('type', '')</c>, which names the adapter's relation
/// class (dbt_utils' <c>_is_relation</c>).
/// </summary>
public sealed partial record Relation : ITemplateMapping
{
    private static readonly string[] FieldNames =
    [
        "path", "type", "quote_character", "include_policy", "quote_policy", "dbt_created", "limit",
        "event_time_filter", "require_alias", "catalog", "renameable_relations", "replaceable_relations",
    ];

    /// <inheritdoc />
    public IEnumerable<object?> Keys => FieldNames;

    /// <inheritdoc />
    public bool TryGetItem(object? key, out object? value)
    {
        value = key switch
        {
            "path" => PathDict(),
            "type" => Type,
            "quote_character" => Quoting.OpenQuote,
            "include_policy" => IncludePolicy(),
            "quote_policy" => QuotePolicy(),
            "dbt_created" => false,
            "require_alias" => true,
            "renameable_relations" or "replaceable_relations" => new List<object?>(),
            // Not a field: dbt answers it in get() alone, for dbt_utils.
            "metadata" => new Dictionary<string, object?> { ["type"] = Quoting.RelationClass },
            _ => null,
        };
        return value is not null || key is "type" or "limit" or "event_time_filter" or "catalog";
    }

    private Dictionary<string, object?> PathDict() =>
        new() { ["database"] = Database, ["schema"] = Schema, ["identifier"] = Identifier };

    private Dictionary<string, object?> QuotePolicy() =>
        new() { ["database"] = Quoting.QuoteDatabase, ["schema"] = Quoting.QuoteSchema, ["identifier"] = Quoting.QuoteIdentifier };

    private Dictionary<string, object?> IncludePolicy() =>
        new() { ["database"] = Quoting.IncludeDatabase, ["schema"] = IncludeSchema, ["identifier"] = IncludeIdentifier };

    // get/keys/values/items come from the engine, as for every ITemplateMapping; to_dict is dbt's Relation method.
    private object? MappingMethod(string name) =>
        name == "to_dict" ? new Function("to_dict", _ => FieldNames.ToDictionary(k => k, k => TryGetItem(k, out var v) ? v : null)) : null;
}
