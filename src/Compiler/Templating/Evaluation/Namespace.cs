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

    public override string ToString()
    {
        var dict = new OrderedDictionary<string, object?>();
        foreach (var (key, value) in _attributes) dict[key] = value;
        return $"<Namespace {ValueFormatter.ToRepr(dict)}>";
    }
}
