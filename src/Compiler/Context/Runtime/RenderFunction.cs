using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Runtime;

/// <summary>
/// A context function of one render (ref, source, log…): a static body given the render's state.
/// Every render makes the few it reads; one object each, where a closure made three.
/// </summary>
internal sealed class RenderFunction(string name, RenderState state, Func<RenderState, CallArguments, object?> body) : ICallable
{
    public string Name { get; } = name;

    public object? Call(CallArguments arguments) => body(state, arguments);

    public override string ToString() => $"<function {Name}>";
}
