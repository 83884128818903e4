using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

internal static partial class Operators
{
    /// <summary>
    /// Python's operator protocol for host objects (datetime, timedelta…): <c>a + b</c> calls
    /// <c>a.__add__(b)</c>, or <c>b.__radd__(a)</c> when <c>a</c> has no such method.
    /// </summary>
    private static bool TryHostOperator(BinaryOperator op, object? left, object? right, SourceSpan span, out object? result)
    {
        result = null;
        var (name, reflected) = op switch
        {
            BinaryOperator.Add => ("__add__", "__radd__"),
            BinaryOperator.Subtract => ("__sub__", "__rsub__"),
            BinaryOperator.Multiply => ("__mul__", "__rmul__"),
            BinaryOperator.Divide => ("__truediv__", "__rtruediv__"),
            BinaryOperator.FloorDivide => ("__floordiv__", "__rfloordiv__"),
            BinaryOperator.Modulo => ("__mod__", "__rmod__"),
            _ => (null, null),
        };
        if (name is null) return false;
        if (left is ITemplateObject l && l.TryGetAttribute(name, out var method) && method is ICallable forward)
        {
            result = forward.Call(new CallArguments([right], CallArguments.NoNamed, span));
            return true;
        }
        if (right is ITemplateObject r && r.TryGetAttribute(reflected!, out var back) && back is ICallable backward)
        {
            result = backward.Call(new CallArguments([left], CallArguments.NoNamed, span));
            return true;
        }
        return false;
    }

    /// <summary>Ordering of two host objects of one type that know how to compare themselves.</summary>
    private static bool TryHostCompare(object? left, object? right, out int result)
    {
        result = 0;
        if (left is not ITemplateObject || left is not IComparable comparable || right is null || left.GetType() != right.GetType()) return false;
        result = comparable.CompareTo(right);
        return true;
    }
}
