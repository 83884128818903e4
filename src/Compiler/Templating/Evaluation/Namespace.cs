using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// Jinja's <c>namespace()</c>: the one object whose attributes <c>{% set ns.x = … %}</c> may
/// assign, so a loop can carry a value out of its scope.
/// </summary>
internal sealed class Namespace : ITemplateObject
{
    private readonly Dictionary<string, object?> _attributes = new(StringComparer.Ordinal);

    public bool TryGetAttribute(string name, out object? value) => _attributes.TryGetValue(name, out value);

    public void Set(string name, object? value) => _attributes[name] = value;

    // Namespaces being printed on this thread: one that contains itself prints as {...} inside, as in Python.
    [ThreadStatic]
    private static List<Namespace>? t_printing;

    public override string ToString()
    {
        var printing = t_printing ??= [];
        if (printing.Contains(this)) return "<Namespace {...}>";
        printing.Add(this);
        try
        {
            var dict = new OrderedDictionary<string, object?>();
            foreach (var (key, value) in _attributes) dict[key] = value;
            return $"<Namespace {ValueFormatter.ToRepr(dict)}>";
        }
        finally
        {
            printing.RemoveAt(printing.Count - 1);
        }
    }
}
