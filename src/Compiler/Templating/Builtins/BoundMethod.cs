using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>A method together with its receiver, as <c>x.split</c> evaluates before the call.</summary>
internal sealed class BoundMethod(object target, string name, MethodFunction function) : ICallable
{
    public string Name { get; } = name;

    public object? Call(CallArguments arguments) => function(target, arguments);

    public override string ToString() => $"<built-in method {Name}>";
}
