using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// What a filter sees when its input is undefined. Jinja2's default Undefined is an empty string to
/// string filters and an empty iterable to sequence filters, while filters that need a number, a
/// mapping or JSON fail with UndefinedError; each filter is listed with the outcome Jinja2 3.1.6 gives.
/// </summary>
internal static class UndefinedFilterInput
{
    private static readonly HashSet<string> AsText = new(StringComparer.Ordinal)
    {
        "capitalize", "center", "e", "escape", "forceescape", "format", "lower", "replace", "safe", "string",
        "striptags", "title", "trim", "truncate", "upper", "urlencode", "wordcount", "wordwrap", "as_text",
    };

    private static readonly HashSet<string> AsEmpty = new(StringComparer.Ordinal)
    {
        "batch", "count", "first", "groupby", "items", "join", "last", "length", "list", "map", "max", "min",
        "reject", "rejectattr", "reverse", "select", "selectattr", "slice", "sort", "sum", "unique",
    };

    /// <summary>The value to give filter <paramref name="name"/> instead of <paramref name="undefined"/>, or an UndefinedError.</summary>
    public static object? For(string name, Undefined undefined, SourceSpan span)
    {
        if (name is "default" or "d") return undefined;
        if (AsText.Contains(name)) return "";
        if (AsEmpty.Contains(name)) return new List<object?>();
        throw RenderErrors.Undefined(undefined, span);
    }
}
