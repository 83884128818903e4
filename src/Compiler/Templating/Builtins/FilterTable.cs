namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Every filter by name. Built once; read-only afterwards, so safe from any thread.</summary>
internal static class FilterTable
{
    private static readonly Dictionary<string, FilterFunction> All = Build();

    public static IEnumerable<string> Names => All.Keys;

    public static bool Contains(string name) => All.ContainsKey(name);

    public static bool TryGet(string name, out FilterFunction function) => All.TryGetValue(name, out function!);

    private static Dictionary<string, FilterFunction> Build()
    {
        var filters = new Dictionary<string, FilterFunction>(StringComparer.Ordinal);
        StringFilters.Register(filters);
        ListFilters.Register(filters);
        ValueFilters.Register(filters);
        return filters;
    }
}
