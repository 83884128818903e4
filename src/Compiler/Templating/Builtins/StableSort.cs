namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>
/// A stable merge sort, as Python's sort is stable. Unlike Array.Sort it lets the comparison's
/// DiagnosticException (e.g. comparing int with str) through unwrapped.
/// </summary>
internal static class StableSort
{
    public static void Sort<T>(IList<T> items, Comparison<T> comparison)
    {
        if (items.Count < 2) return;
        var buffer = new T[items.Count];
        var source = new T[items.Count];
        items.CopyTo(source, 0);
        for (var width = 1; width < source.Length; width *= 2)
        {
            for (var start = 0; start < source.Length; start += 2 * width)
            {
                var middle = Math.Min(start + width, source.Length);
                var end = Math.Min(start + 2 * width, source.Length);
                int left = start, right = middle, target = start;
                while (left < middle && right < end)
                {
                    // Take from the right only when strictly smaller: equal items keep their order.
                    buffer[target++] = comparison(source[right], source[left]) < 0 ? source[right++] : source[left++];
                }
                while (left < middle) buffer[target++] = source[left++];
                while (right < end) buffer[target++] = source[right++];
            }
            (source, buffer) = (buffer, source);
        }
        for (var i = 0; i < source.Length; i++) items[i] = source[i];
    }
}
