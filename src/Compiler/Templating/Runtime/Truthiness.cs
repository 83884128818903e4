namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>Python truthiness, as <c>{% if x %}</c>, <c>and</c>, <c>or</c> and <c>not</c> see it.</summary>
public static class Truthiness
{
    /// <summary>False for None, false, 0, 0.0, empty strings, lists and dicts, and undefined values; true otherwise.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        decimal m => m != 0,
        int i => i != 0,
        Undefined => false,
        ITemplateMapping mapping => mapping.Keys.Any(),
        System.Collections.ICollection c => c.Count > 0,
        IReadOnlyCollection<KeyValuePair<string, object?>> rc => rc.Count > 0,
        _ => true,
    };
}
