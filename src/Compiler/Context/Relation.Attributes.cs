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
            "path" => new Dictionary<string, object?> { ["database"] = Database, ["schema"] = Schema, ["identifier"] = Identifier },
            "quote_policy" => new Dictionary<string, object?> { ["database"] = Quoting.QuoteDatabase, ["schema"] = Quoting.QuoteSchema, ["identifier"] = Quoting.QuoteIdentifier },
            "include_policy" => new Dictionary<string, object?> { ["database"] = Quoting.IncludeDatabase, ["schema"] = IncludeSchema, ["identifier"] = IncludeIdentifier },
            "render" => new Function("render", _ => Render()),
            "include" => new Function("include", Include),
            "quote" => new Function("quote", Quote),
            "incorporate" => new Function("incorporate", Incorporate),
            "replace_path" => new Function("replace_path", a => WithPath(a.Named)),
            "without_identifier" => new Function("without_identifier", _ => this with { IncludeIdentifier = false }),
            "create" => RelationApi.Create(Quoting),
            "__eq__" => new Function("__eq__", a => Equals(a.Get(0, "other"))),
            _ => null,
        };
        return value is not null || name is "database" or "schema" or "identifier" or "name" or "table" or "type";
    }

    // include(database=False) drops a part from the rendered name; absent arguments keep the current policy.
    private Relation Include(CallArguments a)
    {
        var relation = this;
        if (Args.Has(a, 0, "database")) relation = relation with { Quoting = relation.Quoting with { IncludeDatabase = Args.Bool(a, 0, "database", true) } };
        if (Args.Has(a, 1, "schema")) relation = relation with { IncludeSchema = Args.Bool(a, 1, "schema", true) };
        if (Args.Has(a, 2, "identifier")) relation = relation with { IncludeIdentifier = Args.Bool(a, 2, "identifier", true) };
        return relation;
    }

    private Relation Quote(CallArguments a)
    {
        var q = Quoting;
        if (Args.Has(a, 0, "database")) q = q with { QuoteDatabase = Args.Bool(a, 0, "database", true) };
        if (Args.Has(a, 1, "schema")) q = q with { QuoteSchema = Args.Bool(a, 1, "schema", true) };
        if (Args.Has(a, 2, "identifier")) q = q with { QuoteIdentifier = Args.Bool(a, 2, "identifier", true) };
        return this with { Quoting = q };
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
            var text = value is null ? null : TemplateValues.Str(value);
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
