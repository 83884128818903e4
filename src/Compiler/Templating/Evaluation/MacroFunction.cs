using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// A macro bound to the scope it was defined in (globals and template-level names, never the
/// caller's locals) and to the render that runs it.
/// </summary>
internal sealed class MacroFunction(MacroDefinition definition, Scope closure, Evaluator evaluator) : ICallable, ITemplateObject
{
    public MacroDefinition Definition { get; } = definition;

    public Scope Closure { get; } = closure;

    public object? Call(CallArguments arguments) => evaluator.InvokeMacro(this, arguments);

    /// <summary>As <see cref="Call"/> with the result written to <paramref name="writer"/> as the value of the call at <paramref name="span"/>.</summary>
    public void CallInto(CallArguments arguments, OutputWriter writer, Diagnostics.SourceSpan span) => evaluator.InvokeMacroInto(this, arguments, writer, span);

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "name":
                value = Definition.Name;
                return true;
            case "arguments":
                var names = new object?[Definition.Parameters.Count];
                for (var i = 0; i < names.Length; i++) names[i] = Definition.Parameters[i].Name;
                value = names;
                return true;
            default:
                value = null;
                return false;
        }
    }

    public override string ToString() => $"<Macro '{Definition.Name}'>";
}
