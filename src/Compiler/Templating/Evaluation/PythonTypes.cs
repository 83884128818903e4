using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>Python's names for our value types, for messages that read like Jinja's.</summary>
internal static class PythonTypes
{
    public static string NameOf(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or int => "int",
        double or float => "float",
        decimal => "decimal.Decimal",
        string => "str",
        object?[] => "tuple",
        IList<object?> => "list",
        TemplateDict or IDictionary<string, object?> or IReadOnlyDictionary<string, object?> => "dict",
        MacroFunction => "Macro",
        ICallable => "function",
        Undefined => "Undefined",
        _ => value.GetType().Name,
    };

    /// <summary>How Jinja names the owner of a missing attribute: <c>'dict object'</c>, <c>'str object'</c>…</summary>
    public static string OwnerOf(object? value) => value is null ? "None" : NameOf(value) + " object";
}
