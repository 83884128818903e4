using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Runtime;

/// <summary>A named callable backed by a delegate; the name is what error messages show.</summary>
internal sealed class Function(string name, Func<CallArguments, object?> body) : ICallable
{
    public string Name { get; } = name;

    public object? Call(CallArguments arguments) => body(arguments);

    public override string ToString() => $"<function {Name}>";
}
