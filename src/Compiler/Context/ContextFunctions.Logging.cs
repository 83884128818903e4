using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

internal static partial class ContextFunctions
{
    private static string Log(RenderState state, CallArguments a)
    {
        var message = TemplateValues.Str(Args.Value(a, 0, "msg", "log", "log('message', info=True)"));
        var kind = Args.Bool(a, 1, "info", false) ? ContextMessageKind.Info : ContextMessageKind.Debug;
        state.Project.Log?.Invoke(new ContextMessage(kind, message, state.Node.UniqueId, a.CallSpan));
        return "";
    }

    private static string Print(RenderState state, CallArguments a)
    {
        var message = TemplateValues.Str(a.Get(0, "msg", ""));
        state.Project.Log?.Invoke(new ContextMessage(ContextMessageKind.Print, message, state.Node.UniqueId, a.CallSpan));
        return "";
    }

    private static Namespace Exceptions(RenderState state)
    {
        string Message(CallArguments a, string function) =>
            TemplateValues.Str(Args.Value(a, 0, "msg", function, $"exceptions.{function}('message')"));

        return new Namespace("exceptions", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["raise_compiler_error"] = new Function("raise_compiler_error", a =>
                throw ContextErrors.CompilerError(state.Node.Description, Message(a, "raise_compiler_error"), a.CallSpan)),
            ["raise_not_implemented"] = new Function("raise_not_implemented", a =>
                throw ContextErrors.CompilerError(state.Node.Description, "not implemented: " + Message(a, "raise_not_implemented"), a.CallSpan)),
            ["warn"] = new Function("warn", a =>
            {
                var text = Message(a, "warn");
                var diagnostic = ContextErrors.UserWarning(state.Node.Description, text, a.CallSpan);
                state.Project.Log?.Invoke(new ContextMessage(ContextMessageKind.Warning, text, state.Node.UniqueId, a.CallSpan, diagnostic));
                return "";
            }),
        });
    }
}
