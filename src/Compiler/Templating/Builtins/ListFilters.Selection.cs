using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

// map, select, reject, selectattr, rejectattr.
internal static partial class ListFilters
{
    private static object? Map(Evaluator evaluator, object? value, CallArguments arguments)
    {
        var items = FalsyAsEmpty(value, arguments);
        var result = new List<object?>(items.Count);
        var attribute = arguments.Get(-1, "attribute", out var byAttribute);
        if (byAttribute)
        {
            var path = Args.Text(attribute, arguments);
            var fallback = arguments.Get(-1, "default", out var hasDefault);
            foreach (var item in items)
            {
                var mapped = GetPath(item, path, arguments.CallSpan);
                result.Add(mapped is Undefined && hasDefault ? fallback : mapped);
            }
            return result;
        }
        if (arguments.Positional.Count == 0 || arguments.Positional[0] is not string filter)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, "map needs a filter name or attribute=", "write map('upper') or map(attribute='name')");
        }
        var rest = Args.Rest(arguments, 1);
        foreach (var item in items) result.Add(evaluator.CallFilter(filter, item, rest));
        return result;
    }

    private static object? Select(Evaluator evaluator, object? value, CallArguments arguments, string name, bool keep)
    {
        var items = FalsyAsEmpty(value, arguments);
        var result = new List<object?>();
        string? test = null;
        if (arguments.Positional.Count > 0)
        {
            test = arguments.Positional[0] as string
                ?? throw RenderErrors.Type(arguments.CallSpan, $"{name}: the test name must be a string", $"write {name}('odd')");
        }
        var rest = Args.Rest(arguments, 1);
        foreach (var item in items)
        {
            var passed = test is null ? Truthiness.IsTrue(item) : evaluator.CallTest(test, item, rest);
            if (passed == keep) result.Add(item);
        }
        return result;
    }

    private static object? SelectAttr(Evaluator evaluator, object? value, CallArguments arguments, string name, bool keep)
    {
        if (arguments.Positional.Count == 0 || arguments.Positional[0] is not string attribute)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, $"{name} needs an attribute name", $"write {name}('is_active') or {name}('kind', 'equalto', 'table')");
        }
        string? test = null;
        if (arguments.Positional.Count > 1)
        {
            test = arguments.Positional[1] as string
                ?? throw RenderErrors.Type(arguments.CallSpan, $"{name}: the test name must be a string", $"write {name}('kind', 'equalto', 'table')");
        }
        var rest = Args.Rest(arguments, 2);
        var result = new List<object?>();
        foreach (var item in FalsyAsEmpty(value, arguments))
        {
            var attributeValue = GetPath(item, attribute, arguments.CallSpan);
            var passed = test is null ? Truthiness.IsTrue(attributeValue) : evaluator.CallTest(test, attributeValue, rest);
            if (passed == keep) result.Add(item);
        }
        return result;
    }

    // Jinja's map and select family start with `if value:`, so None (or any falsy value) gives nothing.
    private static IList<object?> FalsyAsEmpty(object? value, CallArguments arguments) =>
        Truthiness.IsTrue(value) ? ValueAccess.Iterate(value, arguments.CallSpan) : [];
}
