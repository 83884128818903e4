using ModelForge.Compiler.Context.Functions;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary><c>modules.itertools</c>, minimal: chain, product, combinations, permutations (eager lists of tuples).</summary>
internal static class ItertoolsModule
{
    public static readonly Namespace Instance = new("<module 'itertools'>", new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["chain"] = new Function("chain", a => a.Positional.SelectMany(UtilityFunctions.Items).ToList()),
        ["product"] = new Function("product", Product),
        ["combinations"] = new Function("combinations", a => Combinations(
            UtilityFunctions.Items(a.Get(0, "iterable")).ToList(),
            (int)(Args.OptionalInt(a, 1, "r", "combinations", "combinations(items, 2)") ?? throw Args.Missing(a, "combinations", "r", "combinations(items, 2)")))),
        ["permutations"] = new Function("permutations", a =>
        {
            var items = UtilityFunctions.Items(a.Get(0, "iterable")).ToList();
            var r = (int)(Args.OptionalInt(a, 1, "r", "permutations", "permutations(items, 2)") ?? items.Count);
            return Permutations(items, r);
        }),
    });

    private static List<object?> Product(CallArguments a)
    {
        var repeat = (int)(Args.OptionalInt(a, -1, "repeat", "product", "product(a, b, repeat=1)") ?? 1);
        var pools = Enumerable.Repeat(a.Positional.Select(p => UtilityFunctions.Items(p).ToList()), repeat).SelectMany(p => p).ToList();
        IEnumerable<object?[]> result = [[]];
        foreach (var pool in pools) result = result.SelectMany(prefix => pool.Select(item => prefix.Append(item).ToArray())).ToList();
        return result.Cast<object?>().ToList();
    }

    private static List<object?> Combinations(List<object?> items, int r)
    {
        var result = new List<object?>();
        void Walk(int start, List<object?> current)
        {
            if (current.Count == r)
            {
                result.Add(current.ToArray());
                return;
            }
            for (var i = start; i < items.Count; i++)
            {
                current.Add(items[i]);
                Walk(i + 1, current);
                current.RemoveAt(current.Count - 1);
            }
        }
        if (r >= 0 && r <= items.Count) Walk(0, []);
        return result;
    }

    // Python's order: positions chosen left to right, each from the unused ones in input order.
    private static List<object?> Permutations(List<object?> items, int r)
    {
        var result = new List<object?>();
        var used = new bool[items.Count];
        void Walk(List<object?> current)
        {
            if (current.Count == r)
            {
                result.Add(current.ToArray());
                return;
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (used[i]) continue;
                used[i] = true;
                current.Add(items[i]);
                Walk(current);
                current.RemoveAt(current.Count - 1);
                used[i] = false;
            }
        }
        if (r >= 0 && r <= items.Count) Walk([]);
        return result;
    }
}
