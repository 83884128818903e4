namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// An object with attributes templates read with <c>x.name</c> or <c>x['name']</c> (this, target,
/// relations, config, adapter, modules…). Rendering uses <see cref="object.ToString"/>.
/// An attribute that is a method returns an <see cref="ICallable"/>.
/// </summary>
public interface ITemplateObject
{
    bool TryGetAttribute(string name, out object? value);
}
