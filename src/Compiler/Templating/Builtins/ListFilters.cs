using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Filters on sequences: first/last, sort, unique, join, sum, min/max, batch, slice, dictsort, items.</summary>
internal static partial class ListFilters
{
    public static void Register(Dictionary<string, FilterFunction> filters)
    {
        filters["length"] = Length;
        filters["count"] = Length;
        filters["first"] = (_, v, a) => FirstOrLast(v, a, "first");
        filters["last"] = (_, v, a) => FirstOrLast(v, a, "last");
        filters["list"] = (_, v, a) =>
        {
            Args.Check(a, "filter 'list'", 0);
            return new List<object?>(ValueAccess.Iterate(v, a.CallSpan));
        };
        filters["reverse"] = Reverse;
        filters["sort"] = Sort;
        filters["unique"] = Unique;
        filters["join"] = Join;
        filters["sum"] = Sum;
        filters["min"] = (e, v, a) => MinMax(v, a, "min");
        filters["max"] = (e, v, a) => MinMax(v, a, "max");
        filters["batch"] = Batch;
        filters["slice"] = Slice;
        filters["items"] = Items;
        filters["dictsort"] = DictSort;
        filters["map"] = Map;
        filters["select"] = (e, v, a) => Select(e, v, a, "select", keep: true);
        filters["reject"] = (e, v, a) => Select(e, v, a, "reject", keep: false);
        filters["selectattr"] = (e, v, a) => SelectAttr(e, v, a, "selectattr", keep: true);
        filters["rejectattr"] = (e, v, a) => SelectAttr(e, v, a, "rejectattr", keep: false);
        filters["groupby"] = GroupBy;
    }

    private static object? Length(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'length'", 0);
        var length = ValueAccess.Length(value);
        if (length < 0) throw RenderErrors.Type(arguments.CallSpan, $"object of type '{PythonTypes.NameOf(value)}' has no len()", "length works on strings, lists and dicts");
        return (long)length;
    }

    private static object? FirstOrLast(object? value, CallArguments arguments, string name)
    {
        Args.Check(arguments, $"filter '{name}'", 0);
        var items = ValueAccess.Iterate(value, arguments.CallSpan);
        if (items.Count == 0) return new Undefined(name, arguments.CallSpan, RenderErrors.EmptySequence);
        return name == "first" ? items[0] : items[^1];
    }

    private static object? Reverse(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'reverse'", 0);
        if (value is string s)
        {
            var chars = s.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }
        var list = new List<object?>(ValueAccess.Iterate(value, arguments.CallSpan));
        list.Reverse();
        return list;
    }

    /// <summary>Reads <c>a.b.0</c> style attribute paths the way Jinja's attribute= arguments do.</summary>
    internal static object? GetPath(object? item, string path, SourceSpan span)
    {
        foreach (var part in path.Split('.'))
        {
            object key = long.TryParse(part, out var index) ? index : part;
            item = ValueAccess.GetItem(item, key, span);
        }
        return item;
    }

    private static object? SortKey(object? item, string? attribute, bool caseSensitive, SourceSpan span)
    {
        var key = attribute is null ? item : GetPath(item, attribute, span);
        if (key is Undefined undefined) throw RenderErrors.Undefined(undefined, span);
        return !caseSensitive && key is string s ? s.ToLowerInvariant() : key;
    }

    private static int Compare(object? a, object? b, SourceSpan span) => Operators.CompareValues(a, b, CompareOperator.Less, span);

    private static object? Sort(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'sort'", 3, "reverse", "case_sensitive", "attribute");
        var reverse = Args.Bool(arguments, 0, "reverse", false);
        var caseSensitive = Args.Bool(arguments, 1, "case_sensitive", false);
        var attribute = Args.String(arguments, 2, "attribute", null, "filter 'sort'");
        var items = ValueAccess.Iterate(value, arguments.CallSpan);
        var keyed = new List<(object? Key, object? Item)>(items.Count);
        foreach (var item in items) keyed.Add((SortKey(item, attribute, caseSensitive, arguments.CallSpan), item));
        StableSort.Sort(keyed, (x, y) => reverse ? Compare(y.Key, x.Key, arguments.CallSpan) : Compare(x.Key, y.Key, arguments.CallSpan));
        var result = new List<object?>(keyed.Count);
        foreach (var (_, item) in keyed) result.Add(item);
        return result;
    }

    private static object? Unique(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'unique'", 2, "case_sensitive", "attribute");
        var caseSensitive = Args.Bool(arguments, 0, "case_sensitive", false);
        var attribute = Args.String(arguments, 1, "attribute", null, "filter 'unique'");
        var seen = new List<object?>();
        var result = new List<object?>();
        foreach (var item in ValueAccess.Iterate(value, arguments.CallSpan))
        {
            var key = SortKey(item, attribute, caseSensitive, arguments.CallSpan);
            var duplicate = false;
            foreach (var existing in seen) duplicate |= Operators.PyEquals(existing, key);
            if (duplicate) continue;
            seen.Add(key);
            result.Add(item);
        }
        return result;
    }

    private static object? Join(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'join'", 2, "d", "attribute");
        var separator = Args.Text(arguments.Get(0, "d", ""), arguments);
        var attribute = Args.String(arguments, 1, "attribute", null, "filter 'join'");
        var items = ValueAccess.Iterate(value, arguments.CallSpan);
        var parts = new string[items.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var item = attribute is null ? items[i] : GetPath(items[i], attribute, arguments.CallSpan);
            parts[i] = item as string ?? ValueFormatter.ToStr(item);
        }
        return string.Join(separator, parts);
    }

    private static object? Sum(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'sum'", 2, "attribute", "start");
        var attribute = Args.String(arguments, 0, "attribute", null, "filter 'sum'");
        var total = arguments.Get(1, "start", 0L);
        foreach (var item in ValueAccess.Iterate(value, arguments.CallSpan))
        {
            var term = attribute is null ? item : GetPath(item, attribute, arguments.CallSpan);
            total = Operators.Binary(BinaryOperator.Add, total, term, arguments.CallSpan);
        }
        return total;
    }

    private static object? MinMax(object? value, CallArguments arguments, string name)
    {
        Args.Check(arguments, $"filter '{name}'", 2, "case_sensitive", "attribute");
        var caseSensitive = Args.Bool(arguments, 0, "case_sensitive", false);
        var attribute = Args.String(arguments, 1, "attribute", null, $"filter '{name}'");
        var items = ValueAccess.Iterate(value, arguments.CallSpan);
        if (items.Count == 0) return new Undefined(name, arguments.CallSpan, RenderErrors.EmptySequence);
        var best = items[0];
        var bestKey = SortKey(best, attribute, caseSensitive, arguments.CallSpan);
        for (var i = 1; i < items.Count; i++)
        {
            var key = SortKey(items[i], attribute, caseSensitive, arguments.CallSpan);
            var c = Compare(key, bestKey, arguments.CallSpan);
            if (name == "min" ? c < 0 : c > 0)
            {
                best = items[i];
                bestKey = key;
            }
        }
        return best;
    }
}
