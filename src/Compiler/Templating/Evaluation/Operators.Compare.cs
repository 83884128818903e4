using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

// Comparison and membership, with Python's rules (1 == 1.0, lists compare item by item).
internal static partial class Operators
{
    public static bool Compare(CompareOperator op, object? left, object? right, SourceSpan span)
    {
        if (left is Undefined || right is Undefined)
        {
            // Jinja2's Undefined equals only another Undefined and is an empty container; ordering it fails.
            switch (op)
            {
                case CompareOperator.Equal: return left is Undefined && right is Undefined;
                case CompareOperator.NotEqual: return !(left is Undefined && right is Undefined);
                case CompareOperator.In when right is Undefined: return false;
                case CompareOperator.NotIn when right is Undefined: return true;
                case CompareOperator.In or CompareOperator.NotIn: break;
                default: throw RenderErrors.Undefined(left as Undefined ?? (Undefined)right!, span);
            }
        }
        return op switch
        {
            CompareOperator.Equal => PyEquals(left, right),
            CompareOperator.NotEqual => !PyEquals(left, right),
            CompareOperator.In => Contains(right, left, span),
            CompareOperator.NotIn => !Contains(right, left, span),
            _ => Order(op, left, right, span),
        };
    }

    /// <summary>Python's <c>==</c>.</summary>
    public static bool PyEquals(object? left, object? right)
    {
        if (ReferenceEquals(left, right)) return true;
        if (left is null || right is null) return false;
        var kind = Common(Classify(left), Classify(right));
        switch (kind)
        {
            case NumberKind.Int: return ToLong(left) == ToLong(right);
            case NumberKind.Float: return ToDouble(left) == ToDouble(right);
            case NumberKind.Decimal: return ToDecimal(left) == ToDecimal(right);
        }
        switch (left)
        {
            case string ls: return right is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case TemplateSet or IList<object?> when (left is TemplateSet) != (right is TemplateSet):
                return false;
            case TemplateSet leftSet when right is TemplateSet rightSet:
                return leftSet.Count == rightSet.Count && leftSet.All(member => rightSet.Any(other => PyEquals(member, other)));
            case IList<object?> ll when right is IList<object?> rl:
                if ((left is object?[]) != (right is object?[]) || ll.Count != rl.Count) return false;
                for (var i = 0; i < ll.Count; i++)
                {
                    if (!PyEquals(ll[i], rl[i])) return false;
                }
                return true;
            case not ITemplateObject when Mappings.IsMapping(left) && Mappings.IsMapping(right) && right is not ITemplateObject:
                if (Mappings.Count(left) != Mappings.Count(right)) return false;
                foreach (var (key, value) in Mappings.Items(left))
                {
                    if (!Mappings.TryGetItem(right, key, out var other) || !PyEquals(value, other)) return false;
                }
                return true;
        }
        return left.Equals(right);
    }

    private static bool Order(CompareOperator op, object? left, object? right, SourceSpan span)
    {
        var c = CompareValues(left, right, op, span);
        return op switch
        {
            CompareOperator.Less => c < 0,
            CompareOperator.LessOrEqual => c <= 0,
            CompareOperator.Greater => c > 0,
            _ => c >= 0,
        };
    }

    /// <summary>Python ordering; a TypeError for values Python cannot order.</summary>
    internal static int CompareValues(object? left, object? right, CompareOperator op, SourceSpan span)
    {
        var kind = Common(Classify(left), Classify(right));
        switch (kind)
        {
            case NumberKind.Int: return ToLong(left).CompareTo(ToLong(right));
            case NumberKind.Float: return ToDouble(left).CompareTo(ToDouble(right));
            case NumberKind.Decimal: return ToDecimal(left).CompareTo(ToDecimal(right));
        }
        if (left is string ls && right is string rs) return string.CompareOrdinal(ls, rs);
        if (left is IList<object?> ll && right is IList<object?> rl && (left is object?[]) == (right is object?[]))
        {
            for (var i = 0; i < Math.Min(ll.Count, rl.Count); i++)
            {
                if (!PyEquals(ll[i], rl[i])) return CompareValues(ll[i], rl[i], op, span);
            }
            return ll.Count.CompareTo(rl.Count);
        }
        if (TryHostCompare(left, right, out var hosted)) return hosted;
        var symbol = op switch
        {
            CompareOperator.Less => "<",
            CompareOperator.LessOrEqual => "<=",
            CompareOperator.Greater => ">",
            _ => ">=",
        };
        throw RenderErrors.Type(span, $"'{symbol}' not supported between instances of '{PythonTypes.NameOf(left)}' and '{PythonTypes.NameOf(right)}'");
    }

    /// <summary>Python's <c>item in container</c>.</summary>
    public static bool Contains(object? container, object? item, SourceSpan span)
    {
        switch (container)
        {
            case string s:
                if (item is not string sub)
                {
                    throw RenderErrors.Type(span, $"'in <string>' requires string as left operand, not {PythonTypes.NameOf(item)}");
                }
                return s.Contains(sub, StringComparison.Ordinal);
            case IList<object?> list:
                foreach (var element in list)
                {
                    if (PyEquals(element, item)) return true;
                }
                return false;
            case TemplateDict or ITemplateMapping or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>:
                return Mappings.ContainsKey(container, item);
            case Undefined:
                return false;
            case ITemplateObject obj when item is string attr:
                return obj.TryGetAttribute(attr, out _);
            default:
                throw RenderErrors.Type(span, $"argument of type '{PythonTypes.NameOf(container)}' is not iterable");
        }
    }
}
