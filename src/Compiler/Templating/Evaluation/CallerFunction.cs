using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>The body of a <c>{% call %}</c> block, callable as <c>caller(args)</c>; it sees the call site's variables.</summary>
internal sealed class CallerFunction(CallBlockStatement block, Scope closure, Evaluator evaluator) : ICallable
{
    public CallBlockStatement Block { get; } = block;

    public Scope Closure { get; } = closure;

    public object? Call(CallArguments arguments) => evaluator.InvokeCaller(this, arguments);

    public override string ToString() => "<Macro 'caller'>";
}
