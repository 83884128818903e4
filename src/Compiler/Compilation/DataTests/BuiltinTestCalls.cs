using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// What the parse render of a built-in generic test (not_null, unique, accepted_values,
/// relationships) would record, worked out without rendering it. Their macros call no
/// <c>config()</c> and no <c>ref()</c>, so the render records only the tested relation and, for
/// relationships, a literal <c>to: ref('…')</c> or <c>source('…', '…')</c>; and with the arguments they declare, of the kinds
/// they read, it cannot fail. dbt skips this render for not_null and unique in the same way.
/// Anything else (a project or package macro that could replace part of the call, an argument
/// the macro does not declare or that needs rendering) answers null, and the test is rendered.
/// </summary>
internal sealed class BuiltinTestCalls
{
    // Every macro the built-in tests reach at parse time, and the adapter.dispatch variants of each (default__x, duckdb__x...).
    private static readonly string[] Reached =
        ["test_not_null", "test_unique", "test_accepted_values", "test_relationships", "get_where_subquery", "should_store_failures"];

    private readonly bool _builtinsOnly;

    public BuiltinTestCalls(MacroRegistry macros)
    {
        // A root-project ref or source macro replaces the function the call makes.
        _builtinsOnly = !macros.Packages.Where(p => p != MacroRegistry.BuiltinPackage).SelectMany(macros.NamesIn)
            .Any(n => n is "ref" or "source" || Reached.Any(r => n == r || n.EndsWith("__" + r, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The refs and sources the parse render would record (at the declaration's span, where a render's
    /// are moved to), or null when the test must be rendered.
    /// </summary>
    public (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources)? Calls(TestDeclaration declaration,
        IReadOnlyDictionary<string, object?> kwargs, IReadOnlyDictionary<string, object?> config)
    {
        if (!_builtinsOnly || declaration.Namespace is not null || !Plain(kwargs.GetValueOrDefault("column_name"))) return null;
        LiteralCall? to = null;
        var fits = declaration.Name switch
        {
            "not_null" => kwargs.Count == 1 && config.GetValueOrDefault("store_failures_as") is null or string,
            "unique" => kwargs.Count == 1,
            "accepted_values" => kwargs.Count == (kwargs.ContainsKey("quote") ? 3 : 2)
                && kwargs.GetValueOrDefault("values") is List<object?> values && values.All(Plain)
                && kwargs.GetValueOrDefault("quote", true) is bool,
            "relationships" => kwargs.Count == 3 && Plain(kwargs.GetValueOrDefault("field"))
                && kwargs.GetValueOrDefault("to") is string target && (Plain(target) || (to = LiteralCall.Parse(target)) is not null),
            _ => false,
        };
        if (!fits) return null;

        var span = declaration.Span;
        var attachment = declaration.AttachedTo;
        List<RefCall> refs = attachment.SourceName is null ? [new RefCall(null, attachment.Name, null, span)] : [];
        List<SourceCall> sources = attachment.SourceName is { } source ? [new SourceCall(source, attachment.Name, span)] : [];
        // The render evaluates the relation first, then the arguments.
        if (to?.ToRef(span) is { } toRef) refs.Add(toRef);
        if (to?.ToSource(span) is { } toSource) sources.Add(toSource);
        return (refs, sources);
    }

    // A string passed as written: the macros only print these.
    private static bool Plain(object? value) => value is string text && !GenericTestCall.NeedsRender(text);
}
