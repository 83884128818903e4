using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>A Python type: callable as its constructor, with class attributes (<c>datetime.now</c>).</summary>
internal sealed class TypeObject(string name, Func<CallArguments, object?> constructor, IReadOnlyDictionary<string, object?> members)
    : ICallable, ITemplateObject
{
    public object? Call(CallArguments arguments) => constructor(arguments);

    public bool TryGetAttribute(string attribute, out object? value) => members.TryGetValue(attribute, out value);

    public override string ToString() => $"<class '{name}'>";
}
