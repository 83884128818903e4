using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

// batch, slice, items, dictsort, groupby.
internal static partial class ListFilters
{
    private static object? Batch(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Require(arguments, "filter 'batch'", 1, "linecount", "fill_with");
        var size = Args.Int(arguments, 0, "linecount", 1, "filter 'batch'");
        if (size <= 0) throw RenderErrors.Value(arguments.CallSpan, "batch size must be positive", "pass a count of at least 1");
        var fill = arguments.Get(1, "fill_with", out var hasFill);
        var result = new List<object?>();
        List<object?>? current = null;
        foreach (var item in ValueAccess.Iterate(value, arguments.CallSpan))
        {
            current ??= [];
            current.Add(item);
            if (current.Count == size)
            {
                result.Add(current);
                current = null;
            }
        }
        if (current is not null)
        {
            while (hasFill && current.Count < size) current.Add(fill);
            result.Add(current);
        }
        return result;
    }

    private static object? Slice(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Require(arguments, "filter 'slice'", 1, "slices", "fill_with");
        var slices = (int)Args.Int(arguments, 0, "slices", 1, "filter 'slice'");
        if (slices <= 0) throw RenderErrors.Value(arguments.CallSpan, "slice count must be positive", "pass a count of at least 1");
        var fill = arguments.Get(1, "fill_with", out var hasFill);
        var items = ValueAccess.Iterate(value, arguments.CallSpan);
        var perSlice = items.Count / slices;
        var withExtra = items.Count % slices;
        var offset = 0;
        var result = new List<object?>();
        for (var i = 0; i < slices; i++)
        {
            var start = offset + i * perSlice;
            if (i < withExtra) offset++;
            var end = offset + (i + 1) * perSlice;
            var slice = new List<object?>();
            for (var j = start; j < end; j++) slice.Add(items[j]);
            if (hasFill && i >= withExtra) slice.Add(fill);
            result.Add(slice);
        }
        return result;
    }

    private static object? Items(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'items'", 0);
        if (!Mappings.IsMapping(value))
        {
            throw RenderErrors.Type(arguments.CallSpan, $"can only get item pairs from a mapping, not {PythonTypes.NameOf(value)}", "items works on dicts");
        }
        var result = new List<object?>();
        foreach (var (key, item) in Mappings.Items(value)) result.Add(new object?[] { key, item });
        return result;
    }

    private static object? DictSort(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'dictsort'", 3, "case_sensitive", "by", "reverse");
        var caseSensitive = Args.Bool(arguments, 0, "case_sensitive", false);
        var by = Args.String(arguments, 1, "by", "key", "filter 'dictsort'");
        var reverse = Args.Bool(arguments, 2, "reverse", false);
        if (by is not ("key" or "value")) throw RenderErrors.Value(arguments.CallSpan, "You can only sort by either 'key' or 'value'", "write by='key' or by='value'");
        var pairs = (List<object?>)Items(evaluator, value, new CallArguments([], CallArguments.NoNamed, arguments.CallSpan))!;
        var position = by == "key" ? 0 : 1;
        StableSort.Sort(pairs, (x, y) =>
        {
            var a = ((object?[])x!)[position];
            var b = ((object?[])y!)[position];
            if (!caseSensitive)
            {
                if (a is string sa) a = sa.ToLowerInvariant();
                if (b is string sb) b = sb.ToLowerInvariant();
            }
            var c = Compare(a, b, arguments.CallSpan);
            return reverse ? -c : c;
        });
        return pairs;
    }

    private static object? GroupBy(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Require(arguments, "filter 'groupby'", 1, "attribute", "default", "case_sensitive");
        var attribute = Args.Text(arguments.Get(0, "attribute"), arguments);
        var fallback = arguments.Get(1, "default", out var hasDefault);
        var caseSensitive = Args.Bool(arguments, 2, "case_sensitive", false);
        var keyed = new List<(object? Key, object? Item)>();
        foreach (var item in ValueAccess.Iterate(value, arguments.CallSpan))
        {
            var key = GetPath(item, attribute, arguments.CallSpan);
            if (key is Undefined undefined) key = hasDefault ? fallback : throw RenderErrors.Undefined(undefined, arguments.CallSpan);
            keyed.Add((key, item));
        }
        object? CompareKey(object? key) => !caseSensitive && key is string s ? s.ToLowerInvariant() : key;
        StableSort.Sort(keyed, (x, y) => Compare(CompareKey(x.Key), CompareKey(y.Key), arguments.CallSpan));
        var result = new List<object?>();
        List<object?>? group = null;
        object? currentKey = null;
        foreach (var (key, item) in keyed)
        {
            if (group is null || !Operators.PyEquals(CompareKey(key), CompareKey(currentKey)))
            {
                group = [];
                currentKey = key;
                result.Add(new GroupTuple(key, group));
            }
            group.Add(item);
        }
        return result;
    }
}
