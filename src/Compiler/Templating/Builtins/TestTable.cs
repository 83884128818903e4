namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Every test by name. Built once; read-only afterwards, so safe from any thread.</summary>
internal static class TestTable
{
    private static readonly Dictionary<string, TestFunction> All = Build();

    public static IEnumerable<string> Names => All.Keys;

    public static bool Contains(string name) => All.ContainsKey(name);

    public static bool TryGet(string name, out TestFunction function) => All.TryGetValue(name, out function!);

    private static Dictionary<string, TestFunction> Build()
    {
        var tests = new Dictionary<string, TestFunction>(StringComparer.Ordinal);
        JinjaTests.Register(tests);
        return tests;
    }
}
