using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Evaluation;

namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>Helpers for context functions that receive template values.</summary>
public static class TemplateValues
{
    /// <summary>
    /// Returns <paramref name="value"/>, or throws the standard MF2101 "'x' is undefined" error
    /// (at the place the name was read, else at <paramref name="span"/>) when it is undefined.
    /// </summary>
    public static object? RequireDefined(object? value, SourceSpan span) => RenderErrors.Defined(value, span);

    /// <summary>Python's name for the type of a value (<c>int</c>, <c>str</c>, <c>dict</c>, <c>NoneType</c>…), for messages.</summary>
    public static string TypeName(object? value) => PythonTypes.NameOf(value);

    /// <summary>A new, empty, insertion-ordered dict as templates create them.</summary>
    public static IDictionary<string, object?> NewDict() => new TemplateDict();
}
