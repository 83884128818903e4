using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>Python semantics for arithmetic: int/float promotion, <c>/</c> always float, <c>//</c> floors, <c>%</c> takes the divisor's sign.</summary>
internal static partial class Operators
{
    private enum NumberKind
    {
        None,
        Int,
        Float,
        Decimal,
    }

    private static NumberKind Classify(object? value) => value switch
    {
        long or bool or int => NumberKind.Int,
        double or float => NumberKind.Float,
        // Database integers wider than 64 bits compute exactly as decimals (up to 96 bits).
        decimal or Int128 or UInt128 or System.Numerics.BigInteger => NumberKind.Decimal,
        _ => NumberKind.None,
    };

    private static bool IsTuple(object? value) => value is object?[];

    public static bool IsNumber(object? value) => Classify(value) != NumberKind.None;

    internal static long ToLong(object? value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        _ => 0,
    };

    internal static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        float f => f,
        decimal m => (double)m,
        Int128 i128 => (double)i128,
        UInt128 u128 => (double)u128,
        System.Numerics.BigInteger big => (double)big,
        _ => 0,
    };

    private static decimal ToDecimal(object? value) => value switch
    {
        decimal m => m,
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        Int128 i128 => (decimal)i128,
        UInt128 u128 => (decimal)u128,
        System.Numerics.BigInteger big => (decimal)big,
        _ => (decimal)ToDouble(value),
    };

    // Decimal meets float: database numerics "behave as float" (README), so promote to double.
    private static NumberKind Common(NumberKind a, NumberKind b)
    {
        if (a == NumberKind.None || b == NumberKind.None) return NumberKind.None;
        if (a == NumberKind.Float || b == NumberKind.Float) return NumberKind.Float;
        if (a == NumberKind.Decimal || b == NumberKind.Decimal) return NumberKind.Decimal;
        return NumberKind.Int;
    }

    public static object? Binary(BinaryOperator op, object? left, object? right, SourceSpan span)
    {
        if (op == BinaryOperator.Concat)
        {
            // str(Undefined) is "" in Jinja2, so `~` accepts it.
            if (left is Undefined) left = "";
            if (right is Undefined) right = "";
        }
        if (left is Undefined ul) throw RenderErrors.Undefined(ul, span);
        if (right is Undefined ur) throw RenderErrors.Undefined(ur, span);
        if ((left is ITemplateObject || right is ITemplateObject) && TryHostOperator(op, left, right, span, out var hosted)) return hosted;
        return op switch
        {
            BinaryOperator.Add => Add(left, right, span),
            BinaryOperator.Subtract => Arithmetic(op, left, right, span),
            BinaryOperator.Multiply => Multiply(left, right, span),
            BinaryOperator.Divide => Divide(left, right, span),
            BinaryOperator.FloorDivide => Arithmetic(op, left, right, span),
            BinaryOperator.Modulo => left is string format ? PercentFormatter.Format(format, right, span) : Arithmetic(op, left, right, span),
            BinaryOperator.Power => Power(left, right, span),
            BinaryOperator.Concat => ConcatChecked(ValueFormatter.ToStr(left), ValueFormatter.ToStr(right), span),
            _ => throw new InvalidOperationException($"operator {op} is not arithmetic"),
        };
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.FloorDivide => "//",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Power => "** or pow()",
        _ => "~",
    };

    private static object? Add(object? left, object? right, SourceSpan span)
    {
        switch (left)
        {
            case string ls when right is string rs:
                return ConcatChecked(ls, rs, span);
            case object?[] lt when right is object?[] rt:
                var tuple = new object?[lt.Length + rt.Length];
                lt.CopyTo(tuple, 0);
                rt.CopyTo(tuple, lt.Length);
                return tuple;
            case IList<object?> ll when right is IList<object?> rl && !IsTuple(left) && !IsTuple(right):
                var list = new List<object?>(ll.Count + rl.Count);
                list.AddRange(ll);
                list.AddRange(rl);
                return list;
        }
        return Arithmetic(BinaryOperator.Add, left, right, span);
    }

    private static object? Multiply(object? left, object? right, SourceSpan span)
    {
        if (left is string s && right is long or bool) return Repeat(s, ToLong(right), span);
        if (right is string s2 && left is long or bool) return Repeat(s2, ToLong(left), span);
        if (left is IList<object?> list && right is long or bool) return RepeatList(list, ToLong(right), span);
        if (right is IList<object?> list2 && left is long or bool) return RepeatList(list2, ToLong(left), span);
        return Arithmetic(BinaryOperator.Multiply, left, right, span);
    }

    // A string the template builds counts against the output budget: '~' in a loop doubles it.
    private static string ConcatChecked(string left, string right, SourceSpan span)
    {
        Evaluator.CheckLength((long)left.Length + right.Length, span);
        return string.Concat(left, right);
    }

    private static string Repeat(string s, long count, SourceSpan span)
    {
        if (count <= 0 || s.Length == 0) return "";
        // count can be near long.MaxValue: multiply without overflow.
        Evaluator.CheckLength((Int128)count * s.Length, span);
        return string.Create((int)(s.Length * count), s, (buffer, text) =>
        {
            for (var i = 0; i < buffer.Length; i += text.Length) text.AsSpan().CopyTo(buffer[i..]);
        });
    }

    private static object RepeatList(IList<object?> list, long count, SourceSpan span)
    {
        if (list.Count > 0 && count > TemplateLimits.MaxOutputChars / list.Count)
        {
            throw RenderErrors.Error(Diagnostics.DiagnosticCodes.TemplateOutputBudgetExceeded, span,
                $"repeating a list of {list.Count} items {count:N0} times builds more than {TemplateLimits.MaxOutputChars:N0} items", TemplateLimits.OutputHint);
        }
        var result = new List<object?>();
        for (var i = 0; i < count; i++) result.AddRange(list);
        return list is object?[] ? result.ToArray() : result;
    }

    private static object? Divide(object? left, object? right, SourceSpan span)
    {
        var kind = Common(Classify(left), Classify(right));
        switch (kind)
        {
            case NumberKind.Int:
            case NumberKind.Float:
                var divisor = ToDouble(right);
                if (divisor == 0) throw RenderErrors.DivisionByZero(span, kind == NumberKind.Int ? "division by zero" : "float division by zero");
                return ToDouble(left) / divisor;
            case NumberKind.Decimal:
                var d = ToDecimal(right);
                if (d == 0) throw RenderErrors.DivisionByZero(span, "division by zero");
                return ToDecimal(left) / d;
            default:
                throw RenderErrors.UnsupportedOperands(span, "/", left, right);
        }
    }

    private static object? Arithmetic(BinaryOperator op, object? left, object? right, SourceSpan span)
    {
        switch (Common(Classify(left), Classify(right)))
        {
            case NumberKind.Int:
                return IntArithmetic(op, ToLong(left), ToLong(right), span);
            case NumberKind.Float:
                return FloatArithmetic(op, ToDouble(left), ToDouble(right), span);
            case NumberKind.Decimal:
                return DecimalArithmetic(op, ToDecimal(left), ToDecimal(right), span);
            default:
                throw RenderErrors.UnsupportedOperands(span, Symbol(op), left, right);
        }
    }

    private static object IntArithmetic(BinaryOperator op, long a, long b, SourceSpan span)
    {
        try
        {
            switch (op)
            {
                case BinaryOperator.Add: return checked(a + b);
                case BinaryOperator.Subtract: return checked(a - b);
                case BinaryOperator.Multiply: return checked(a * b);
                case BinaryOperator.FloorDivide:
                    if (b == 0) throw RenderErrors.DivisionByZero(span, "integer division or modulo by zero");
                    var q = a / b;
                    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
                default:
                    if (b == 0) throw RenderErrors.DivisionByZero(span, "integer division or modulo by zero");
                    var r = a % b;
                    return r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
        }
        catch (OverflowException)
        {
            // Python ints do not overflow; past 64 bits we fall back to float precision.
            return FloatArithmetic(op, a, b, span);
        }
    }

    private static object FloatArithmetic(BinaryOperator op, double a, double b, SourceSpan span)
    {
        switch (op)
        {
            case BinaryOperator.Add: return a + b;
            case BinaryOperator.Subtract: return a - b;
            case BinaryOperator.Multiply: return a * b;
            case BinaryOperator.FloorDivide:
                if (b == 0) throw RenderErrors.DivisionByZero(span, "float floor division by zero");
                return Math.Floor(a / b);
            default:
                if (b == 0) throw RenderErrors.DivisionByZero(span, "float modulo");
                var r = a % b;
                return r != 0 && (r < 0) != (b < 0) ? r + b : r;
        }
    }

    private static object DecimalArithmetic(BinaryOperator op, decimal a, decimal b, SourceSpan span)
    {
        switch (op)
        {
            case BinaryOperator.Add: return a + b;
            case BinaryOperator.Subtract: return a - b;
            case BinaryOperator.Multiply: return a * b;
            case BinaryOperator.FloorDivide:
                if (b == 0) throw RenderErrors.DivisionByZero(span, "division by zero");
                return Math.Floor(a / b);
            default:
                if (b == 0) throw RenderErrors.DivisionByZero(span, "division by zero");
                var r = a % b;
                return r != 0 && (r < 0) != (b < 0) ? r + b : r;
        }
    }

    private static object? Power(object? left, object? right, SourceSpan span)
    {
        var kind = Common(Classify(left), Classify(right));
        if (kind == NumberKind.None) throw RenderErrors.UnsupportedOperands(span, "** or pow()", left, right);
        if (kind == NumberKind.Int && ToLong(right) >= 0)
        {
            long result = 1, b = ToLong(left), e = ToLong(right);
            try
            {
                for (var i = 0L; i < e; i++) result = checked(result * b);
                return result;
            }
            catch (OverflowException)
            {
                return Math.Pow(b, e);
            }
        }
        var x = ToDouble(left);
        var y = ToDouble(right);
        if (x == 0 && y < 0) throw RenderErrors.DivisionByZero(span, "0.0 cannot be raised to a negative power");
        return Math.Pow(x, y);
    }

    public static object? Negate(object? value, SourceSpan span) => value switch
    {
        // Past 64 bits Python ints keep going; we fall back to float, as the other operators do.
        long l => l == long.MinValue ? -(double)l : (object)(-l),
        bool b => b ? -1L : 0L,
        double d => -d,
        decimal m => -m,
        Undefined u => throw RenderErrors.Undefined(u, span),
        _ => throw RenderErrors.Type(span, $"bad operand type for unary -: '{PythonTypes.NameOf(value)}'"),
    };

    public static object? Plus(object? value, SourceSpan span) => value switch
    {
        long or double or decimal => value,
        bool b => b ? 1L : 0L,
        Undefined u => throw RenderErrors.Undefined(u, span),
        _ => throw RenderErrors.Type(span, $"bad operand type for unary +: '{PythonTypes.NameOf(value)}'"),
    };
}
