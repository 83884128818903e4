using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Jinja's tests (<c>x is defined</c>, <c>x is divisibleby 3</c>…).</summary>
internal static class JinjaTests
{
    public static void Register(Dictionary<string, TestFunction> tests)
    {
        tests["defined"] = (_, v, a) => NoArgs(a, "defined") && v is not Undefined;
        tests["undefined"] = (_, v, a) => NoArgs(a, "undefined") && v is Undefined;
        tests["none"] = (_, v, a) => NoArgs(a, "none") && v is null;
        tests["string"] = (_, v, a) => NoArgs(a, "string") && v is string;
        // Python's bool is a Number, so `true is number` holds, as in Jinja.
        tests["number"] = (_, v, a) => NoArgs(a, "number") && Operators.IsNumber(v);
        tests["integer"] = (_, v, a) => NoArgs(a, "integer") && v is long or int;
        tests["float"] = (_, v, a) => NoArgs(a, "float") && v is double or float;
        tests["boolean"] = (_, v, a) => NoArgs(a, "boolean") && v is bool;
        tests["true"] = (_, v, a) => NoArgs(a, "true") && v is true;
        tests["false"] = (_, v, a) => NoArgs(a, "false") && v is false;
        tests["mapping"] = (_, v, a) => NoArgs(a, "mapping") && Mappings.IsMapping(v);
        tests["iterable"] = (_, v, a) => NoArgs(a, "iterable") && (v is string or IList<object?> or Undefined || Mappings.IsMapping(v));
        tests["sequence"] = (_, v, a) => NoArgs(a, "sequence") && (v is string or IList<object?> || Mappings.IsMapping(v));
        tests["callable"] = (_, v, a) => NoArgs(a, "callable") && v is ICallable;
        tests["lower"] = (_, v, a) => NoArgs(a, "lower") && v is string s && HasCased(s) && s == s.ToLowerInvariant();
        tests["upper"] = (_, v, a) => NoArgs(a, "upper") && v is string s && HasCased(s) && s == s.ToUpperInvariant();
        tests["even"] = (_, v, a) => NoArgs(a, "even") && Integer(v, a, "even") % 2 == 0;
        tests["odd"] = (_, v, a) => NoArgs(a, "odd") && Integer(v, a, "odd") % 2 != 0;
        tests["divisibleby"] = DivisibleBy;
        tests["sameas"] = (_, v, a) => SameAs(v, One(a, "sameas"));
        tests["in"] = (_, v, a) => Operators.Contains(One(a, "in"), v, a.CallSpan);
        tests["escaped"] = (_, _, a) => NoArgs(a, "escaped") && false;
        AddComparison(tests, CompareOperator.Equal, "eq", "equalto", "==");
        AddComparison(tests, CompareOperator.NotEqual, "ne", "!=");
        AddComparison(tests, CompareOperator.Less, "lt", "lessthan", "<");
        AddComparison(tests, CompareOperator.LessOrEqual, "le", "<=");
        AddComparison(tests, CompareOperator.Greater, "gt", "greaterthan", ">");
        AddComparison(tests, CompareOperator.GreaterOrEqual, "ge", ">=");
    }

    private static void AddComparison(Dictionary<string, TestFunction> tests, CompareOperator op, params string[] names)
    {
        foreach (var name in names)
        {
            tests[name] = (_, v, a) => Operators.Compare(op, v, One(a, name), a.CallSpan);
        }
    }

    private static bool NoArgs(CallArguments arguments, string name)
    {
        Args.Check(arguments, $"test '{name}'", 0);
        return true;
    }

    private static object? One(CallArguments arguments, string name)
    {
        Args.Require(arguments, $"test '{name}'", 1, "other");
        return arguments.Get(0, "other");
    }

    private static bool HasCased(string s)
    {
        foreach (var c in s)
        {
            if (char.IsLetter(c)) return true;
        }
        return false;
    }

    private static long Integer(object? value, CallArguments arguments, string name) => value switch
    {
        long or bool => Operators.ToLong(value),
        double d => (long)d,
        Undefined u => throw RenderErrors.Undefined(u, arguments.CallSpan),
        _ => throw RenderErrors.Type(arguments.CallSpan, $"test '{name}' needs a number, not {PythonTypes.NameOf(value)}"),
    };

    private static bool DivisibleBy(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Require(arguments, "test 'divisibleby'", 1, "num");
        var divisor = arguments.Get(0, "num");
        var result = Operators.Binary(BinaryOperator.Modulo, RenderErrors.Defined(value, arguments.CallSpan), divisor, arguments.CallSpan);
        return Operators.PyEquals(result, 0L);
    }

    private static bool SameAs(object? value, object? other) => value switch
    {
        null => other is null,
        bool or long or double or decimal or string => Equals(value, other),
        _ => ReferenceEquals(value, other),
    };
}
