using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

// Expression evaluation.
internal sealed partial class Evaluator
{
    public object? Eval(Expression expression, Scope scope)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case NameExpression name:
                return scope.TryGet(name.Name, out var value) ? value : new Undefined(name.Name, name.Span);
            case AttributeExpression attribute:
                return ValueAccess.GetAttribute(Eval(attribute.Target, scope), attribute.Name, attribute.Span);
            case ItemExpression item:
                return ValueAccess.GetItem(Eval(item.Target, scope), Eval(item.Index, scope), item.Span);
            case CallExpression call:
                return EvalCall(call, scope, null);
            case FilterExpression filter:
                return ApplyFilter(filter, Eval(filter.Value!, scope), scope);
            case TestExpression test:
                return RunTest(test, scope);
            case BinaryExpression binary:
                return EvalBinary(binary, scope);
            case CompareExpression compare:
                return EvalCompare(compare, scope);
            case UnaryExpression unary:
                var operand = Eval(unary.Operand, scope);
                return unary.Operator switch
                {
                    UnaryOperator.Not => !Truthiness.IsTrue(operand),
                    UnaryOperator.Negate => Operators.Negate(operand, unary.Span),
                    _ => Operators.Plus(operand, unary.Span),
                };
            case ConditionalExpression conditional:
                if (Truthiness.IsTrue(Eval(conditional.Test, scope))) return Eval(conditional.Then, scope);
                return conditional.Else is null ? RenderErrors.MissingElse(conditional.Span) : Eval(conditional.Else, scope);
            case ListExpression list:
                var items = new List<object?>(list.Items.Count);
                foreach (var element in list.Items) items.Add(Eval(element, scope));
                return items;
            case TupleExpression tuple:
                var values = new object?[tuple.Items.Count];
                for (var i = 0; i < values.Length; i++) values[i] = Eval(tuple.Items[i], scope);
                return values;
            case DictExpression dict:
                var result = new TemplateDict(dict.Entries.Count);
                foreach (var entry in dict.Entries)
                {
                    var key = RenderErrors.Defined(Eval(entry.Key, scope), entry.Key.Span);
                    // Host mappings (dbt's Relation) are frozen objects in Python, hence hashable; dicts are not.
                    if (key is IList<object?> and not object?[] || (Mappings.IsMapping(key) && key is not ITemplateMapping))
                    {
                        throw RenderErrors.Type(entry.Key.Span, $"unhashable type: '{PythonTypes.NameOf(key)}'", "use a string, number or tuple as the key");
                    }
                    result.Set(key, Eval(entry.Value, scope));
                }
                return result;
            case SliceExpression slice:
                return ValueAccess.Slice(
                    Eval(slice.Target, scope),
                    slice.Start is null ? null : Eval(slice.Start, scope),
                    slice.Stop is null ? null : Eval(slice.Stop, scope),
                    slice.Step is null ? null : Eval(slice.Step, scope),
                    slice.Span);
            default:
                throw new InvalidOperationException($"no evaluation for {expression.GetType().Name}");
        }
    }

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
        foreach (var step in compare.Rest)
        {
            var right = Eval(step.Right, scope);
            if (!Operators.Compare(step.Operator, left, right, compare.Span)) return false;
            left = right;
        }
        return true;
    }
}
