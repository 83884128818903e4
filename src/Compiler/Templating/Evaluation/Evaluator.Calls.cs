using System.Runtime.CompilerServices;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Builtins;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

// Calls, filters and tests.
internal sealed partial class Evaluator
{
    private static readonly object?[] NoPositional = [];

    private object? EvalCall(CallExpression call, Scope scope, KeyValuePair<string, object?>? extraNamed)
    {
        Step(call.Span);
        return CallEvaluated(Eval(call.Callee, scope), call, scope, extraNamed);
    }

    private object? CallEvaluated(object? callee, CallExpression call, Scope scope, KeyValuePair<string, object?>? extraNamed)
    {
        var arguments = BuildArguments(call.Arguments, scope, call.Span, extraNamed);
        if (callee is not ICallable callable)
        {
            if (callee is Undefined undefined) throw RenderErrors.Undefined(undefined, call.Callee.Span);
            throw RenderErrors.Error(DiagnosticCodes.TemplateNotCallable, call.Callee.Span,
                $"'{PythonTypes.NameOf(callee)}' object is not callable",
                $"'{call.Callee.Span.Source.Text.Substring(call.Callee.Span.Start, call.Callee.Span.Length)}' is a {PythonTypes.NameOf(callee)}, not a macro or function; remove the parentheses");
        }
        if (_macroDepth > 0) return callable.Call(arguments);
        try
        {
            return callable.Call(arguments);
        }
        catch (MacroReturn)
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateReturnOutsideMacro, call.Span, "return() outside of a macro",
                "return() ends a macro with a value; in a model, write the value with {{ … }} instead");
        }
    }

    private CallArguments BuildArguments(IReadOnlyList<Argument> arguments, Scope scope, SourceSpan span, KeyValuePair<string, object?>? extraNamed = null)
    {
        if (arguments.Count == 0 && extraNamed is null) return new CallArguments(NoPositional, CallArguments.NoNamed, span);
        // Most calls pass positional values only (ref('x'), config.get('k', d)): straight into an array.
        if (extraNamed is null && AllPositional(arguments))
        {
            var values = new object?[arguments.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Eval(arguments[i].Value, scope);
            return new CallArguments(values, CallArguments.NoNamed, span);
        }
        List<object?>? positional = null;
        List<KeyValuePair<string, object?>>? named = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var value = Eval(argument.Value, scope);
            switch (argument.Kind)
            {
                case ArgumentKind.Positional:
                    (positional ??= new List<object?>(arguments.Count)).Add(value);
                    break;
                case ArgumentKind.Named:
                    (named ??= []).Add(new KeyValuePair<string, object?>(argument.Name!, value));
                    break;
                case ArgumentKind.Star:
                    if (value is Undefined u) throw RenderErrors.Undefined(u, argument.Value.Span);
                    if (value is not IList<object?> list) throw RenderErrors.Type(argument.Value.Span, $"argument after * must be an iterable, not {PythonTypes.NameOf(value)}");
                    (positional ??= []).AddRange(list);
                    break;
                default:
                    if (value is Undefined ud) throw RenderErrors.Undefined(ud, argument.Value.Span);
                    if (!Mappings.IsMapping(value)) throw RenderErrors.Type(argument.Value.Span, $"argument after ** must be a mapping, not {PythonTypes.NameOf(value)}");
                    named ??= [];
                    foreach (var (key, item) in Mappings.Items(value))
                    {
                        if (key is not string keyName) throw RenderErrors.Type(argument.Value.Span, "keywords must be strings");
                        named.Add(new KeyValuePair<string, object?>(keyName, item));
                    }
                    break;
            }
        }
        if (extraNamed is { } extra) (named ??= []).Add(extra);
        return new CallArguments(positional ?? (IReadOnlyList<object?>)NoPositional, named ?? CallArguments.NoNamed, span);
    }

    private static bool AllPositional(IReadOnlyList<Argument> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Kind != ArgumentKind.Positional) return false;
        }
        return true;
    }

    public object? InvokeMacro(MacroFunction macro, CallArguments arguments)
    {
        var definition = macro.Definition;
        var scope = EnterMacro(macro, arguments);
        var writer = OutputWriter.Rent();
        DiagnosticException? failed;
        try
        {
            if (Execute(definition.Body, scope, writer) != Flow.Return) return writer.Finish();
            writer.Return();
            return TakeReturned();
        }
        catch (MacroReturn returned)
        {
            return returned.Value;
        }
        catch (DiagnosticException error)
        {
            failed = error;
        }
        finally
        {
            _macroDepth--;
        }
        throw InMacro(failed, definition, arguments);
    }

    /// <summary>
    /// As <see cref="InvokeMacro"/> followed by writing its result to <paramref name="writer"/> as the value of the
    /// call at <paramref name="span"/>, with the macro's output written in place: a statement <c>{{ m() }}</c> (most
    /// macro calls) then makes no builder and string of the macro's own. Output and map are the same.
    /// </summary>
    public void InvokeMacroInto(MacroFunction macro, CallArguments arguments, OutputWriter writer, SourceSpan span)
    {
        var definition = macro.Definition;
        var scope = EnterMacro(macro, arguments);
        var start = writer.End;
        var written = false;
        object? returned = null;
        DiagnosticException? failed = null;
        try
        {
            if (Execute(definition.Body, scope, writer.Nested()) != Flow.Return) written = true;
            else returned = TakeReturned();
        }
        catch (MacroReturn value)
        {
            returned = value.Value;
        }
        catch (DiagnosticException error)
        {
            failed = error;
        }
        finally
        {
            _macroDepth--;
            // A macro that returned a value (or failed) outputs nothing of what it wrote.
            if (!written) writer.Truncate(start);
        }
        if (failed is not null) throw InMacro(failed, definition, arguments);
        // Outside the try: the output budget's error is the caller's, not the macro's (as when the text was written after the call).
        if (written) writer.EndValue(start, span);
        else WriteValue(returned, span, writer);
    }

    // Binds the arguments and counts the call in; the caller counts it out (_macroDepth--).
    private Scope EnterMacro(MacroFunction macro, CallArguments arguments)
    {
        var definition = macro.Definition;
        var scope = new Scope(macro.Closure);
        BindParameters(definition.Name, definition.Parameters, definition.UsesVarargs, definition.UsesKwargs, arguments, scope, acceptCaller: true);
        if (_macroDepth >= MaxMacroDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateRecursionLimit, arguments.CallSpan,
                $"macro '{definition.Name}' is nested more than {MaxMacroDepth} calls deep",
                "a macro probably calls itself without end; check its stopping condition");
        }
        _macroDepth++;
        return scope;
    }

    // Rethrown after the catch block: a throw inside one runs on top of the unwound frames,
    // so 200 nested macros rethrowing in place would overflow the stack.
    private static DiagnosticException InMacro(DiagnosticException failed, MacroDefinition definition, CallArguments arguments)
    {
        var frame = new TemplateFrame($"macro '{definition.Name}'", arguments.CallSpan);
        return new DiagnosticException(failed.Diagnostic with { Frames = [frame, .. failed.Diagnostic.Frames] });
    }

    public object? InvokeCaller(CallerFunction caller, CallArguments arguments)
    {
        var scope = new Scope(caller.Closure);
        BindParameters("caller", caller.Block.Parameters, false, false, arguments, scope, acceptCaller: false);
        var writer = OutputWriter.Rent();
        ThrowIfReturned(Execute(caller.Block.Body, scope, writer));
        return writer.Finish();
    }

    /// <summary>Binds call arguments to parameters as Jinja does; extra arguments are an error unless the body reads varargs/kwargs.</summary>
    private void BindParameters(string name, IReadOnlyList<Parameter> parameters, bool usesVarargs, bool usesKwargs,
        CallArguments arguments, Scope scope, bool acceptCaller)
    {
        var positional = arguments.Positional;
        if (positional.Count > parameters.Count && !usesVarargs)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, $"macro '{name}' takes not more than {parameters.Count} argument(s)",
                $"'{name}' is declared with ({ParameterList(parameters)})");
        }
        for (var i = 0; i < parameters.Count && i < positional.Count; i++) scope.Set(parameters[i].Name, positional[i]);
        TemplateDict? kwargs = usesKwargs ? new() : null;
        for (var n = 0; n < arguments.Named.Count; n++)
        {
            var (key, value) = arguments.Named[n];
            var index = IndexOf(parameters, key);
            if (index >= 0)
            {
                if (index < positional.Count)
                {
                    throw RenderErrors.Arguments(arguments.CallSpan, $"macro '{name}' got multiple values for argument '{key}'",
                        $"pass '{key}' either by position or by name, not both");
                }
                scope.Set(key, value);
            }
            else if (acceptCaller && key == "caller")
            {
                scope.Set(key, value);
            }
            else if (kwargs is not null)
            {
                kwargs.Set(key, value);
            }
            else
            {
                var suggestion = NameSuggester.Nearest(key, ParameterNames(parameters), minimumEdits: 1);
                throw RenderErrors.Arguments(arguments.CallSpan, $"macro '{name}' takes no keyword argument '{key}'",
                    suggestion is not null ? $"did you mean '{suggestion}'? '{name}' is declared with ({ParameterList(parameters)})" : $"'{name}' is declared with ({ParameterList(parameters)})");
            }
        }
        for (var i = positional.Count; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (scope.TryGetLocal(parameter.Name, out _)) continue;
            scope.Set(parameter.Name, parameter.Default is null ? new Undefined(parameter.Name, arguments.CallSpan) : Eval(parameter.Default, scope));
        }
        if (usesVarargs)
        {
            var extra = new object?[Math.Max(positional.Count - parameters.Count, 0)];
            for (var i = 0; i < extra.Length; i++) extra[i] = positional[parameters.Count + i];
            scope.Set("varargs", extra);
        }
        if (kwargs is not null) scope.Set("kwargs", kwargs);
    }

    private static int IndexOf(IReadOnlyList<Parameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name == name) return i;
        }
        return -1;
    }

    private static IEnumerable<string> ParameterNames(IReadOnlyList<Parameter> parameters)
    {
        foreach (var parameter in parameters) yield return parameter.Name;
    }

    private static string ParameterList(IReadOnlyList<Parameter> parameters) => string.Join(", ", ParameterNames(parameters));

    private object? ApplyFilter(FilterExpression filter, object? value, Scope scope)
    {
        if (!FilterTable.TryGet(filter.Name, out var function))
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateUnknownFilter, filter.NameSpan, $"unknown filter '{filter.Name}'", "see docs/jinja-compatibility.md");
        }
        if (value is Undefined undefined) value = UndefinedFilterInput.For(filter.Name, undefined, filter.Value?.Span ?? filter.Span);
        return function(this, value, BuildArguments(filter.Arguments, scope, filter.Span));
    }

    private bool RunTest(TestExpression test, Scope scope)
    {
        if (!TestTable.TryGet(test.Name, out var function))
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateUnknownTest, test.NameSpan, $"unknown test '{test.Name}'", "see docs/jinja-compatibility.md");
        }
        var result = function(this, Eval(test.Value, scope), BuildArguments(test.Arguments, scope, test.Span));
        return result != test.Negated;
    }

    /// <summary>Applies a filter by name (for <c>map('upper')</c> and friends).</summary>
    public object? CallFilter(string name, object? value, CallArguments arguments)
    {
        if (!FilterTable.TryGet(name, out var function))
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateUnknownFilter, arguments.CallSpan, $"unknown filter '{name}'", "see docs/jinja-compatibility.md");
        }
        if (value is Undefined undefined) value = UndefinedFilterInput.For(name, undefined, arguments.CallSpan);
        return function(this, value, arguments);
    }

    /// <summary>Runs a test by name (for <c>select('odd')</c> and friends).</summary>
    public bool CallTest(string name, object? value, CallArguments arguments)
    {
        if (!TestTable.TryGet(name, out var function))
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateUnknownTest, arguments.CallSpan, $"unknown test '{name}'", "see docs/jinja-compatibility.md");
        }
        return function(this, value, arguments);
    }
}
