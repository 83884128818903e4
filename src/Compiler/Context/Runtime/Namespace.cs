using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Runtime;

/// <summary>
/// A fixed set of attributes (<c>exceptions</c>, <c>modules</c>, <c>flags</c>, <c>api</c>…).
/// Also readable as a dict so that <c>flags['FULL_REFRESH']</c> and iteration work.
/// </summary>
internal sealed class Namespace(string description, IReadOnlyDictionary<string, object?> members)
    : ITemplateObject
{
    public IReadOnlyDictionary<string, object?> Members { get; } = members;

    public bool TryGetAttribute(string name, out object? value) => Members.TryGetValue(name, out value);

    public override string ToString() => description;
}
