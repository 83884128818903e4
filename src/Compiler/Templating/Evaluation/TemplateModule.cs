using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>What <c>{% import 'x' as m %}</c> binds: the template's top-level macros and variables as attributes.</summary>
internal sealed class TemplateModule(string name, Scope scope) : ITemplateObject
{
    public string Name { get; } = name;

    public bool TryGetAttribute(string attribute, out object? value) => scope.TryGetLocal(attribute, out value);

    public override string ToString() => $"<TemplateModule '{Name}'>";
}
