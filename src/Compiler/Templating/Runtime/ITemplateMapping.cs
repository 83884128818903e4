namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// A host object that templates also see as a dict, as dbt's Relation is a mapping: <c>x is mapping</c>
/// is true, <c>x['key']</c>, <c>key in x</c>, iteration, <c>.items()</c>, <c>.keys()</c>, <c>.get()</c> and
/// <c>tojson</c> use <see cref="Keys"/> and <see cref="TryGetItem"/>, while attributes and rendering stay as
/// for any <see cref="ITemplateObject"/>. Keys keep their type.
/// </summary>
public interface ITemplateMapping : ITemplateObject
{
    /// <summary>The keys in order.</summary>
    IEnumerable<object?> Keys { get; }

    /// <summary>The value at <paramref name="key"/>; false when the mapping has no such key.</summary>
    bool TryGetItem(object? key, out object? value);
}
