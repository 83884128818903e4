using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>
/// The adapter methods that take relations. Lookups answer with the project's quoting and the
/// target's Column rules, as dbt's adapter builds them; without a database they answer none/empty.
/// Changes (drop, rename) happen only while executing, as dbt's statements do.
/// </summary>
internal sealed partial class AdapterObject
{
    private ColumnFlavor Flavor => ColumnFlavor.ForTargetType(state.Project.Target.Type);

    private Relation? FindRelation(string? database, string schema, string identifier, CallArguments a)
    {
        if (state.Project.Adapter is not { } adapter) return null;
        var found = AtCall(a, () => adapter.GetRelation(database, schema, identifier));
        return found is null ? null : new Relation(found.Database ?? database, found.Schema, found.Identifier, found.Type, Quoting);
    }

    /// <summary><c>load_relation(relation)</c> / <c>load_cached_relation(relation)</c>: the relation as it exists, or none.</summary>
    internal Relation? LoadRelation(Relation relation, CallArguments a) =>
        string.IsNullOrEmpty(relation.Schema) || string.IsNullOrEmpty(relation.Identifier)
            ? null
            : FindRelation(relation.Database, relation.Schema, relation.Identifier, a);

    private List<object?> GetColumns(CallArguments a)
    {
        var relation = RelationArgument(a, 0, "relation", "adapter.get_columns_in_relation");
        return Columns(relation, a).Cast<object?>().ToList();
    }

    private IReadOnlyList<Column> Columns(Relation relation, CallArguments a)
    {
        if (state.Project.Adapter is not { } adapter) return [];
        var flavor = Flavor;
        return AtCall(a, () => adapter.GetColumnsInRelation(relation)).Select(c => c with { Quoting = Quoting, Flavor = flavor }).ToList();
    }

    // Columns of from_relation whose names (case-insensitive) the target relation lacks.
    private List<object?> GetMissingColumns(CallArguments a)
    {
        var from = RelationArgument(a, 0, "from_relation", "adapter.get_missing_columns");
        var to = RelationArgument(a, 1, "to_relation", "adapter.get_missing_columns");
        var present = Columns(to, a).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Columns(from, a).Where(c => !present.Contains(c.Name)).Cast<object?>().ToList();
    }

    // dbt widens target string columns that are narrower than the source's. DuckDB's and SQL Server's
    // varchar columns here are read as unsized or 8000, so there is nothing to widen: check the
    // arguments and leave the target as it is.
    private string ExpandTargetColumnTypes(CallArguments a)
    {
        RelationArgument(a, 0, "from_relation", "adapter.expand_target_column_types");
        RelationArgument(a, 1, "to_relation", "adapter.expand_target_column_types");
        return "";
    }

    private string DropRelation(CallArguments a)
    {
        var relation = RelationArgument(a, 0, "relation", "adapter.drop_relation");
        if (!state.Executing || relation.IsCte) return "";
        if (string.IsNullOrEmpty(relation.Schema) || string.IsNullOrEmpty(relation.Identifier))
            throw ContextErrors.RelationIncomplete("adapter.drop_relation", relation, a.CallSpan);
        var adapter = state.Project.Adapter ?? throw ContextErrors.NoConnection("adapter.drop_relation()", a.CallSpan);
        AtCall(a, () => { adapter.DropRelation(relation); return 0; });
        return "";
    }

    private string RenameRelation(CallArguments a)
    {
        var from = RelationArgument(a, 0, "from_relation", "adapter.rename_relation");
        var to = RelationArgument(a, 1, "to_relation", "adapter.rename_relation");
        if (!state.Executing) return "";
        foreach (var relation in new[] { from, to })
        {
            if (string.IsNullOrEmpty(relation.Schema) || string.IsNullOrEmpty(relation.Identifier))
                throw ContextErrors.RelationIncomplete("adapter.rename_relation", relation, a.CallSpan);
        }
        var adapter = state.Project.Adapter ?? throw ContextErrors.NoConnection("adapter.rename_relation()", a.CallSpan);
        AtCall(a, () => { adapter.RenameRelation(from, to); return 0; });
        return "";
    }

    private static Relation RelationArgument(CallArguments a, int index, string name, string function)
    {
        var usage = $"{function}(ref('model'))";
        var value = Args.Value(a, index, name, function, usage);
        return value as Relation ?? throw Args.WrongType(a, function, name, "a relation", value, usage);
    }

    /// <summary>A database error has no position of its own: it is the call's.</summary>
    private static T AtCall<T>(CallArguments a, Func<T> query)
    {
        try
        {
            return query();
        }
        catch (Diagnostics.DiagnosticException e) when (e.Diagnostic.Span is null)
        {
            throw new Diagnostics.DiagnosticException(e.Diagnostic with { Span = a.CallSpan });
        }
    }
}
