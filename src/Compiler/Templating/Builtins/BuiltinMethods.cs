using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Finds the Python method <c>name</c> of a string, list, tuple or dict value.</summary>
internal static class BuiltinMethods
{
    public static bool TryBind(object target, string name, out object? method)
    {
        MethodFunction? function = null;
        var found = target switch
        {
            string => StringMethods.TryGet(name, out function),
            object?[] => ListMethods.TryGetTupleMethod(name, out function),
            IList<object?> => ListMethods.TryGet(name, out function),
            TemplateDict or IDictionary<string, object?> => DictMethods.TryGet(name, out function),
            Runtime.ITemplateMapping => DictMethods.TryGetReadOnly(name, out function),
            IReadOnlyDictionary<string, object?> => DictMethods.TryGetReadOnly(name, out function),
            _ => false,
        };
        method = found ? new BoundMethod(target, name, function!) : null;
        return found;
    }
}
