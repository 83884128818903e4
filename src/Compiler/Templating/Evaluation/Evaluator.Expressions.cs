using System.Runtime.CompilerServices;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

// Expression evaluation.
internal sealed partial class Evaluator
{
    // Eval recurses once per tree level, so its frame is kept small: only the two commonest leaves
    // are evaluated here, the rest in their own (not inlined) methods. That is what lets the
    // parser's expression-size bound hold on a 1.5 MB pool-thread stack.
    public object? Eval(Expression expression, Scope scope)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case NameExpression name:
                return scope.TryGet(name.Name, out var value) ? value : new Undefined(name.Name, name.Span);
            case AttributeExpression attribute:
                return EvalAttribute(attribute, scope);
            case ItemExpression item:
                return EvalItem(item, scope);
            case CallExpression call:
                return EvalCall(call, scope, null);
            case FilterExpression filter:
                return EvalFilter(filter, scope);
            case TestExpression test:
                return RunTest(test, scope);
            case BinaryExpression binary:
                return EvalBinary(binary, scope);
            case CompareExpression compare:
                return EvalCompare(compare, scope);
            case UnaryExpression unary:
                return EvalUnary(unary, scope);
            case ConditionalExpression conditional:
                return EvalConditional(conditional, scope);
            case ListExpression list:
                return EvalList(list, scope);
            case TupleExpression tuple:
                return EvalTuple(tuple, scope);
            case DictExpression dict:
                return EvalDict(dict, scope);
            case SliceExpression slice:
                return EvalSlice(slice, scope);
            default:
                throw new InvalidOperationException($"no evaluation for {expression.GetType().Name}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? EvalAttribute(AttributeExpression attribute, Scope scope) =>
        ValueAccess.GetAttribute(Eval(attribute.Target, scope), attribute.Name, attribute.Span);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? EvalItem(ItemExpression item, Scope scope) =>
        ValueAccess.GetItem(Eval(item.Target, scope), Eval(item.Index, scope), item.Span);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? EvalFilter(FilterExpression filter, Scope scope) => ApplyFilter(filter, Eval(filter.Value!, scope), scope);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? EvalUnary(UnaryExpression unary, Scope scope)
    {
        var operand = Eval(unary.Operand, scope);
        return unary.Operator switch
        {
            UnaryOperator.Not => !Truthiness.IsTrue(operand),
            UnaryOperator.Negate => Operators.Negate(operand, unary.Span),
            _ => Operators.Plus(operand, unary.Span),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? EvalConditional(ConditionalExpression conditional, Scope scope)
    {
        if (Truthiness.IsTrue(Eval(conditional.Test, scope))) return Eval(conditional.Then, scope);
        return conditional.Else is null ? RenderErrors.MissingElse(conditional.Span) : Eval(conditional.Else, scope);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private List<object?> EvalList(ListExpression list, Scope scope)
    {
        var items = new List<object?>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++) items.Add(Eval(list.Items[i], scope));
        return items;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object?[] EvalTuple(TupleExpression tuple, Scope scope)
    {
        var values = new object?[tuple.Items.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Eval(tuple.Items[i], scope);
        return values;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TemplateDict EvalDict(DictExpression dict, Scope scope)
    {
        var result = new TemplateDict(dict.Entries.Count);
        for (var i = 0; i < dict.Entries.Count; i++)
        {
            var entry = dict.Entries[i];
            var key = RenderErrors.Defined(Eval(entry.Key, scope), entry.Key.Span);
            // Host mappings (dbt's Relation) are frozen objects in Python, hence hashable; dicts are not.
            if (key is IList<object?> and not object?[] || (Mappings.IsMapping(key) && key is not ITemplateMapping))
            {
                throw RenderErrors.Type(entry.Key.Span, $"unhashable type: '{PythonTypes.NameOf(key)}'", "use a string, number or tuple as the key");
            }
            result.Set(key, Eval(entry.Value, scope));
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? EvalSlice(SliceExpression slice, Scope scope) =>
        ValueAccess.Slice(
            Eval(slice.Target, scope),
            slice.Start is null ? null : Eval(slice.Start, scope),
            slice.Stop is null ? null : Eval(slice.Stop, scope),
            slice.Step is null ? null : Eval(slice.Step, scope),
            slice.Span);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? EvalBinary(BinaryExpression binary, Scope scope)
    {
        var left = Eval(binary.Left, scope);
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return Truthiness.IsTrue(left) ? Eval(binary.Right, scope) : left;
            case BinaryOperator.Or:
                return Truthiness.IsTrue(left) ? left : Eval(binary.Right, scope);
        }
        var right = Eval(binary.Right, scope);
        return Operators.Binary(binary.Operator, left, right, binary.Span);
    }

    private object? EvalCompare(CompareExpression compare, Scope scope)
    {
        var left = Eval(compare.First, scope);
        for (var i = 0; i < compare.Rest.Count; i++)
        {
            var step = compare.Rest[i];
            var right = Eval(step.Right, scope);
            if (!Operators.Compare(step.Operator, left, right, compare.Span)) return false;
            left = right;
        }
        return true;
    }
}
