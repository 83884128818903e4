using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Python list methods (append, extend, pop…) and the two tuple methods (count, index).</summary>
internal static class ListMethods
{
    private static readonly Dictionary<string, MethodFunction> All = new(StringComparer.Ordinal)
    {
        ["append"] = (t, a) =>
        {
            Args.Require(a, "list.append()", 1, "object");
            Mutable(t, a).Add(a.Positional[0]);
            return null;
        },
        ["extend"] = (t, a) =>
        {
            Args.Require(a, "list.extend()", 1, "iterable");
            var list = Mutable(t, a);
            foreach (var item in ValueAccess.Iterate(a.Positional[0], a.CallSpan)) list.Add(item);
            return null;
        },
        ["insert"] = (t, a) =>
        {
            Args.Require(a, "list.insert()", 2, "index", "object");
            var list = Mutable(t, a);
            var index = Args.Int(a, 0, "index", 0, "list.insert()");
            if (index < 0) index = Math.Max(index + list.Count, 0);
            list.Insert((int)Math.Min(index, list.Count), a.Positional[1]);
            return null;
        },
        ["pop"] = (t, a) =>
        {
            Args.Check(a, "list.pop()", 1, "index");
            var list = Mutable(t, a);
            if (list.Count == 0) throw RenderErrors.Value(a.CallSpan, "pop from empty list", "check the list is not empty first");
            var index = Args.Int(a, 0, "index", -1, "list.pop()");
            if (index < 0) index += list.Count;
            if (index < 0 || index >= list.Count) throw RenderErrors.Value(a.CallSpan, "pop index out of range", "use an index inside the list");
            var item = list[(int)index];
            list.RemoveAt((int)index);
            return item;
        },
        ["remove"] = (t, a) =>
        {
            Args.Require(a, "list.remove()", 1, "value");
            var list = Mutable(t, a);
            var index = IndexOf(list, a.Positional[0]);
            if (index < 0) throw RenderErrors.Value(a.CallSpan, "list.remove(x): x not in list", "check with 'if x in list' first");
            list.RemoveAt(index);
            return null;
        },
        ["index"] = Index,
        ["count"] = Count,
        ["reverse"] = (t, a) =>
        {
            Args.Check(a, "list.reverse()", 0);
            var list = Mutable(t, a);
            var copy = new List<object?>(list);
            copy.Reverse();
            for (var i = 0; i < copy.Count; i++) list[i] = copy[i];
            return null;
        },
        ["sort"] = (t, a) =>
        {
            Args.Check(a, "list.sort()", 0, "reverse");
            var list = Mutable(t, a);
            var reverse = Args.Bool(a, -1, "reverse", false);
            var sorted = new List<object?>(list);
            StableSort.Sort(sorted, (x, y) => reverse
                ? Operators.CompareValues(y, x, Syntax.CompareOperator.Less, a.CallSpan)
                : Operators.CompareValues(x, y, Syntax.CompareOperator.Less, a.CallSpan));
            for (var i = 0; i < sorted.Count; i++) list[i] = sorted[i];
            return null;
        },
        ["copy"] = (t, a) =>
        {
            Args.Check(a, "list.copy()", 0);
            return new List<object?>((IList<object?>)t);
        },
        ["clear"] = (t, a) =>
        {
            Args.Check(a, "list.clear()", 0);
            Mutable(t, a).Clear();
            return null;
        },
    };

    private static readonly Dictionary<string, MethodFunction> Tuple = new(StringComparer.Ordinal)
    {
        ["index"] = Index,
        ["count"] = Count,
    };

    public static bool TryGet(string name, out MethodFunction method) => All.TryGetValue(name, out method!);

    public static bool TryGetTupleMethod(string name, out MethodFunction method) => Tuple.TryGetValue(name, out method!);

    private static IList<object?> Mutable(object target, CallArguments arguments)
    {
        var list = (IList<object?>)target;
        if (list.IsReadOnly) throw RenderErrors.Type(arguments.CallSpan, "this list cannot be changed", "copy it first: {% set mine = theirs | list %}");
        return list;
    }

    private static int IndexOf(IList<object?> list, object? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (Operators.PyEquals(list[i], value)) return i;
        }
        return -1;
    }

    private static object? Index(object target, CallArguments arguments)
    {
        Args.Require(arguments, "index()", 1, "value");
        var index = IndexOf((IList<object?>)target, arguments.Positional[0]);
        if (index < 0) throw RenderErrors.Value(arguments.CallSpan, $"{ValueFormatter.ToRepr(arguments.Positional[0])} is not in list", "check with 'if x in list' first");
        return (long)index;
    }

    private static object? Count(object target, CallArguments arguments)
    {
        Args.Require(arguments, "count()", 1, "value");
        var count = 0L;
        foreach (var item in (IList<object?>)target)
        {
            if (Operators.PyEquals(item, arguments.Positional[0])) count++;
        }
        return count;
    }
}
