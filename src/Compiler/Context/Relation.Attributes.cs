using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

public sealed partial record Relation
{
    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "database" => Database,
            "schema" => Schema,
            "identifier" or "name" or "table" => Identifier,
            "type" => Type,
            "is_table" => IsTable,
            "is_view" => IsView,
            "is_cte" => IsCte,
            "is_materialized_view" => Type == RelationType.MaterializedView,
            "is_pointer" => Type == RelationType.PointerTable,
            "can_be_renamed" or "can_be_replaced" or "dbt_created" => false,
            "require_alias" => RequireAlias,
            "event_time_filter" => EventTimeFilter,
            "quote_character" => Quoting.OpenQuote,
            "path" => PathDict(),
            "quote_policy" => QuotePolicy(),
            "include_policy" => IncludePolicy(),
            "render" or "render_limited" => new Function(name, _ => Render()),
            "include" => new Function("include", Include),
            "quote" => new Function("quote", Quote),
            "incorporate" => new Function("incorporate", Incorporate),
            "replace_path" => new Function("replace_path", a => WithPath(a.Named)),
            "without_identifier" => new Function("without_identifier", _ => this with { IncludeIdentifier = false, Identifier = null }),
            "create" => RelationApi.Create(Quoting),
            "add_ephemeral_prefix" => RelationApi.AddEphemeralPrefix,
            "__eq__" => new Function("__eq__", a => Equals(a.Get(0, "other"))),
            _ => MappingMethod(name) ?? RelationApi.TypeConstant(name),
        };
        return value is not null || name is "database" or "schema" or "identifier" or "name" or "table" or "type" or "limit" or "event_time_filter" or "catalog";
    }

    // include(database=False) drops a part from the rendered name; absent or none arguments keep the current policy.
    private Relation Include(CallArguments a)
    {
        var relation = this;
        if (Flag(a, 0, "database") is { } database) relation = relation with { Quoting = relation.Quoting with { IncludeDatabase = database } };
        if (Flag(a, 1, "schema") is { } schema) relation = relation with { IncludeSchema = schema };
        if (Flag(a, 2, "identifier") is { } identifier) relation = relation with { IncludeIdentifier = identifier };
        return relation;
    }

    private Relation Quote(CallArguments a)
    {
        var q = Quoting;
        if (Flag(a, 0, "database") is { } database) q = q with { QuoteDatabase = database };
        if (Flag(a, 1, "schema") is { } schema) q = q with { QuoteSchema = schema };
        if (Flag(a, 2, "identifier") is { } identifier) q = q with { QuoteIdentifier = identifier };
        return this with { Quoting = q };
    }

    private static bool? Flag(CallArguments a, int index, string name)
    {
        var value = a.Get(index, name, out var found);
        return !found || value is null or Undefined ? null : TemplateValues.IsTruthy(value);
    }

    // incorporate(path={'identifier': 'x'}, type='table'), as dbt materializations use it.
    private Relation Incorporate(CallArguments a)
    {
        var relation = this;
        var path = a.Get(0, "path");
        if (path is IDictionary<string, object?> dict) relation = relation.WithPath(dict);
        else if (path is IReadOnlyDictionary<string, object?> rdict) relation = relation.WithPath(rdict);
        if (Args.Has(a, 1, "type"))
        {
            var type = Args.OptionalString(a, 1, "type", "incorporate", "relation.incorporate(path={...}, type='table')");
            if (!RelationType.IsKnown(type)) throw ContextErrors.RelationType(type!, a.CallSpan);
            relation = relation with { Type = type };
        }
        return relation;
    }

    private Relation WithPath(IEnumerable<KeyValuePair<string, object?>> parts)
    {
        var relation = this;
        foreach (var (key, value) in parts)
        {
            var text = value is null or Undefined ? null : TemplateValues.Str(value);
            relation = key switch
            {
                "database" => relation with { Database = text },
                "schema" => relation with { Schema = text },
                "identifier" => relation with { Identifier = text },
                _ => relation,
            };
        }
        return relation;
    }
}
