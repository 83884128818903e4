using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>
/// <c>adapter</c>: dispatch, quote, type, and the database calls (get_relation,
/// get_columns_in_relation, execute, create_schema). Without a database the lookups answer
/// "nothing there" (as dbt's parse-time adapter does) and the statements are an error.
/// </summary>
internal sealed partial class AdapterObject(RenderState state) : ITemplateObject
{
    private const string GetRelationUsage = "adapter.get_relation(database=…, schema=…, identifier=…)";

    public bool TryGetAttribute(string name, out object? value)
    {
        if (state.Node.Inputs is { } inputs)
        {
            // dispatch's search sees every macro name; the database calls cannot be replayed.
            if (name == "dispatch") inputs.Record(RenderInputs.Dispatch, state.Project, static project => project.DispatchFingerprint);
            else if (name is not ("quote" or "quote_as_configured" or "type" or "Relation" or "Column")) inputs.MarkUncacheable("adapter." + name);
        }
        if (state.Project.ImpureRead is { } impure && name is not ("dispatch" or "quote" or "quote_as_configured" or "type" or "Relation" or "Column"))
            impure("adapter." + name);
        value = name switch
        {
            // Read on every dispatching macro call: one function per render.
            "dispatch" => _dispatch ??= new Function("adapter.dispatch", Dispatch),
            "quote" => new Function("adapter.quote", a => Quoting.Quote(TemplateValues.Str(Args.Value(a, 0, "identifier", "adapter.quote", "adapter.quote('name')")))),
            "quote_as_configured" => new Function("adapter.quote_as_configured", QuoteAsConfigured),
            "type" => new Function("adapter.type", _ => state.Project.Target.Type),
            "get_relation" => new Function("adapter.get_relation", GetRelation),
            "already_exists" => new Function("adapter.already_exists", a => GetRelation(a) is not null),
            "get_columns_in_relation" => new Function("adapter.get_columns_in_relation", GetColumns),
            "execute" => new Function("adapter.execute", a => ContextFunctions.Execute(state, a)),
            "create_schema" => new Function("adapter.create_schema", CreateSchema),
            "drop_relation" => new Function("adapter.drop_relation", DropRelation),
            "rename_relation" => new Function("adapter.rename_relation", RenameRelation),
            "get_missing_columns" => new Function("adapter.get_missing_columns", GetMissingColumns),
            "expand_target_column_types" => new Function("adapter.expand_target_column_types", ExpandTargetColumnTypes),
            "Relation" => state.Project.Shared.Values["api"] is Namespace api ? api.Members["Relation"] : null,
            "Column" => state.Project.Shared.Values["api"] is Namespace api2 ? api2.Members["Column"] : null,
            _ => null,
        };
        return value is not null;
    }

    private Function? _dispatch;

    private RelationQuoting Quoting => state.Project.EffectiveQuoting;

    internal static Dictionary<string, object?> DispatchSettingsOf(ProjectRenderInfo project) => new(StringComparer.Ordinal)
    {
        ["prefixes"] = (project.DispatchPrefixes ?? [project.Target.Type]).Cast<object?>().ToList(),
        ["order"] = project.DispatchSearchOrder.ToDictionary(p => p.Key, p => (object?)p.Value.Cast<object?>().ToList(), StringComparer.Ordinal),
    };

    private string QuoteAsConfigured(CallArguments a)
    {
        const string usage = "adapter.quote_as_configured('name', 'identifier')";
        var identifier = Args.String(a, 0, "identifier", "adapter.quote_as_configured", usage);
        var quote = Args.String(a, 1, "quote_key", "adapter.quote_as_configured", usage) switch
        {
            "database" => Quoting.QuoteDatabase,
            "schema" => Quoting.QuoteSchema,
            _ => Quoting.QuoteIdentifier,
        };
        return quote ? Quoting.Quote(identifier) : identifier;
    }

    private Relation? GetRelation(CallArguments a)
    {
        var database = Args.OptionalString(a, 0, "database", "adapter.get_relation", GetRelationUsage);
        var schema = Args.String(a, 1, "schema", "adapter.get_relation", GetRelationUsage);
        var identifier = Args.String(a, 2, "identifier", "adapter.get_relation", GetRelationUsage);
        return FindRelation(database, schema, identifier, a);
    }

    private string CreateSchema(CallArguments a)
    {
        var value = Args.Value(a, 0, "relation", "adapter.create_schema", "adapter.create_schema(relation)");
        if (value is not Relation relation)
            throw Args.WrongType(a, "adapter.create_schema", "relation", "a relation", value, "adapter.create_schema(api.Relation.create(schema='x'))");
        if (!state.Executing) return "";
        var adapter = state.Project.Adapter ?? throw ContextErrors.NoConnection("adapter.create_schema()", a.CallSpan);
        adapter.CreateSchema(relation);
        return "";
    }

    public override string ToString() => $"<adapter {state.Project.Target.Type}>";
}
