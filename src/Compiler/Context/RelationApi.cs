using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary><c>api.Relation.create(database=, schema=, identifier=, type=)</c> for one target's quoting.</summary>
internal static class RelationApi
{
    private const string Usage = "api.Relation.create(database=…, schema=…, identifier=…, type='table')";

    public static Namespace Api(RelationQuoting quoting) =>
        new("api", new Dictionary<string, object?>
        {
            ["Relation"] = new Namespace("api.Relation", new Dictionary<string, object?> { ["create"] = Create(quoting) }),
        });

    public static Function Create(RelationQuoting quoting) => new("create", a =>
    {
        var type = Args.OptionalString(a, 3, "type", "api.Relation.create", Usage);
        if (!RelationType.IsKnown(type)) throw ContextErrors.RelationType(type!, a.CallSpan);
        return new Relation(
            Args.OptionalString(a, 0, "database", "api.Relation.create", Usage),
            Args.OptionalString(a, 1, "schema", "api.Relation.create", Usage),
            Args.OptionalString(a, 2, "identifier", "api.Relation.create", Usage),
            type,
            quoting);
    });
}
