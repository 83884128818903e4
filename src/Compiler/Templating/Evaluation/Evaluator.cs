using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// Walks syntax nodes and writes output. One evaluator per render (or per bound macro); it holds
/// the context, the macro call depth and the modules imported so far. Not thread-safe.
/// </summary>
internal sealed partial class Evaluator
{
    private const int MaxMacroDepth = 200;

    private Dictionary<Template, TemplateModule>? _modules;
    private int _macroDepth;

    public Evaluator(TemplateContext context)
    {
        Context = context;
    }

    public TemplateContext Context { get; }

    /// <summary>Renders a whole template with a source map.</summary>
    public RenderResult Render(Template template)
    {
        if (template.HasErrors)
        {
            // Its syntax errors were reported by Parse; rendering the remains would only mislead.
            throw RenderErrors.Value(new SourceSpan(template.Source, 0, 0), "the template has syntax errors and cannot be rendered",
                "fix the syntax errors reported for this file first");
        }
        var root = new Scope(Context.Globals);
        var writer = OutputWriter.RentMapped(template.Source.Text.Length + 64);
        Execute(template.Body, root, writer);
        var map = writer.TakeMap();
        return new RenderResult(writer.Finish(), new SourceMap(map));
    }

    /// <summary>The macro <paramref name="name"/> of <paramref name="template"/>, with its sibling macros in scope.</summary>
    public MacroFunction BindMacro(Template template, string name)
    {
        // Sized for the file's macros (most files define one or two), not the default four.
        var macros = 0;
        for (var i = 0; i < template.Body.Count; i++)
        {
            if (template.Body[i] is MacroStatement) macros++;
        }
        var root = new Scope(Context.Globals, macros);
        MacroFunction? result = null;
        for (var i = 0; i < template.Body.Count; i++)
        {
            if (template.Body[i] is not MacroStatement { Macro: var definition }) continue;
            var function = new MacroFunction(definition, root, this);
            root.Set(definition.Name, function);
            if (definition.Name == name) result = function;
        }
        return result ?? throw new InvalidOperationException($"template {template.Source.Path} defines no macro '{name}'");
    }

    public Flow Execute(IReadOnlyList<Statement> body, Scope scope, OutputWriter writer)
    {
        if (body.Count > 0) EnsureStack(body[0].Span);
        for (var i = 0; i < body.Count; i++)
        {
            Flow flow;
            Exception? failure;
            try
            {
                flow = ExecuteStatement(body[i], scope, writer);
                if (flow != Flow.Normal) return flow;
                continue;
            }
            catch (Exception error) when (IsBuiltinFailure(error))
            {
                failure = error;
            }
            // The innermost statement catches first, so the error points at it; thrown outside the catch block (less stack).
            throw BuiltinFailure(failure, body[i] is OutputStatement output ? output.Value.Span : body[i].Span);
        }
        return Flow.Normal;
    }

    private Flow ExecuteStatement(Statement statement, Scope scope, OutputWriter writer)
    {
        switch (statement)
        {
            case TextStatement text:
                writer.WriteData(text.Span);
                return Flow.Normal;
            case OutputStatement output:
                if (output.Value is CallExpression outputCall) return ExecuteCallStatement(outputCall, scope, writer);
                WriteValue(Eval(output.Value, scope), output.Value.Span, writer);
                return Flow.Normal;
            case IfStatement ifStatement:
                // Indexed, not foreach: an interface enumerator is an allocation per statement run.
                for (var b = 0; b < ifStatement.Branches.Count; b++)
                {
                    var branch = ifStatement.Branches[b];
                    if (Truthiness.IsTrue(Eval(branch.Condition, scope))) return Execute(branch.Body, scope, writer);
                }
                return ifStatement.Else is null ? Flow.Normal : Execute(ifStatement.Else, scope, writer);
            case ForStatement forStatement:
                return ExecuteFor(forStatement, scope, writer);
            case SetStatement set:
                Assign(set.Target, Eval(set.Value, scope), scope, set.Span);
                return Flow.Normal;
            case SetBlockStatement setBlock:
                Assign(setBlock.Target, RenderFiltered(setBlock.Body, setBlock.Filters, scope), scope, setBlock.Span);
                return Flow.Normal;
            case MacroStatement macro:
                scope.Set(macro.Macro.Name, new MacroFunction(macro.Macro, scope, this));
                return Flow.Normal;
            case CallBlockStatement callBlock:
                var caller = new CallerFunction(callBlock, scope, this);
                var result = EvalCall(callBlock.Call, scope, new KeyValuePair<string, object?>("caller", caller));
                WriteValue(result, callBlock.Call.Span, writer);
                return Flow.Normal;
            case FilterBlockStatement filterBlock:
                writer.WriteValue(ValueFormatter.ToStr(RenderFiltered(filterBlock.Body, filterBlock.Filters, scope)), filterBlock.Span);
                return Flow.Normal;
            case DoStatement doStatement:
                if (doStatement.Value is CallExpression doCall) return ExecuteCallStatement(doCall, scope, null);
                Eval(doStatement.Value, scope);
                return Flow.Normal;
            case BreakStatement:
                return Flow.Break;
            case ContinueStatement:
                return Flow.Continue;
            case IncludeStatement include:
                ExecuteInclude(include, scope, writer);
                return Flow.Normal;
            case ImportStatement import:
                scope.Set(import.Alias, ImportModule(import.TemplateName, scope));
                return Flow.Normal;
            case FromImportStatement fromImport:
                ExecuteFromImport(fromImport, scope);
                return Flow.Normal;
            case WithStatement with:
                var withScope = new Scope(scope);
                foreach (var assignment in with.Assignments) Assign(assignment.Target, Eval(assignment.Value, scope), withScope, assignment.Span);
                return Execute(with.Body, withScope, writer);
            case BlockStatement block:
                return Execute(block.Body, new Scope(scope), writer);
            case DbtBlockStatement:
                // snapshot/docs bodies are rendered by the host from Template.Blocks, never in place.
                return Flow.Normal;
            default:
                throw new InvalidOperationException($"no evaluation for {statement.GetType().Name}");
        }
    }

    /// <summary>
    /// A statement that is one call (<c>{{ f(x) }}</c>, or <c>{% do f(x) %}</c> when <paramref name="writer"/>
    /// is null). When f is <c>return</c> inside a macro, the macro ends with <see cref="Flow.Return"/>
    /// rather than an exception: dbt macros return this way on every call, and exceptions are slow.
    /// </summary>
    private Flow ExecuteCallStatement(CallExpression call, Scope scope, OutputWriter? writer)
    {
        Step(call.Span);
        var callee = Eval(call.Callee, scope);
        if (callee is ReturnFunction && _macroDepth > 0)
        {
            _returned = BuildArguments(call.Arguments, scope, call.Span).Get(0, "value");
            return Flow.Return;
        }
        if (writer is not null && callee is MacroFunction macro)
        {
            CallMacroInto(macro, call, scope, writer);
            return Flow.Normal;
        }
        var value = CallEvaluated(callee, call, scope, null);
        if (writer is not null) WriteValue(value, call.Span, writer);
        return Flow.Normal;
    }

    // As CallEvaluated and WriteValue of its result, with the macro's output written straight into writer.
    private void CallMacroInto(MacroFunction macro, CallExpression call, Scope scope, OutputWriter writer)
    {
        var arguments = BuildArguments(call.Arguments, scope, call.Span);
        if (_macroDepth > 0)
        {
            macro.CallInto(arguments, writer, call.Span);
            return;
        }
        try
        {
            macro.CallInto(arguments, writer, call.Span);
        }
        catch (MacroReturn)
        {
            throw RenderErrors.Error(DiagnosticCodes.TemplateReturnOutsideMacro, call.Span, "return() outside of a macro",
                "return() ends a macro with a value; in a model, write the value with {{ … }} instead");
        }
    }

    // The value of the return() that ended the running macro (Flow.Return), taken once.
    private object? _returned;

    private object? TakeReturned()
    {
        var value = _returned;
        _returned = null;
        return value;
    }

    // Where a Flow cannot carry a return() (block bodies, callers, includes), it unwinds as before.
    private void ThrowIfReturned(Flow flow)
    {
        if (flow == Flow.Return) throw new MacroReturn(TakeReturned());
    }

    private static void WriteValue(object? value, SourceSpan span, OutputWriter writer)
    {
        if (value is string s)
        {
            writer.WriteValue(s, span);
            return;
        }
        // Jinja2's default Undefined, which dbt uses, prints as nothing.
        if (value is Undefined) return;
        if (value is IOutputText own)
        {
            writer.WriteValue(own, span);
            return;
        }
        writer.WriteValue(ValueFormatter.ToStr(value), span);
    }

    /// <summary>Renders a block body to text and applies the block's filters (set blocks, filter blocks).</summary>
    private object? RenderFiltered(IReadOnlyList<Statement> body, IReadOnlyList<FilterExpression> filters, Scope scope)
    {
        var inner = OutputWriter.Rent();
        ThrowIfReturned(Execute(body, scope, inner));
        object? value = inner.Finish();
        for (var i = 0; i < filters.Count; i++) value = ApplyFilter(filters[i], value, scope);
        return value;
    }

    private void Assign(Expression target, object? value, Scope scope, SourceSpan span)
    {
        switch (target)
        {
            case NameExpression name:
                scope.Set(name.Name, value);
                return;
            case TupleExpression tuple:
                var items = value switch
                {
                    IList<object?> list => list,
                    _ when value is string || Mappings.IsMapping(value) => ValueAccess.Iterate(value, span),
                    Undefined => [],
                    _ => throw RenderErrors.Type(span, $"cannot unpack non-iterable {PythonTypes.NameOf(value)} object"),
                };
                if (items.Count != tuple.Items.Count)
                {
                    var message = items.Count < tuple.Items.Count
                        ? $"not enough values to unpack (expected {tuple.Items.Count}, got {items.Count})"
                        : $"too many values to unpack (expected {tuple.Items.Count})";
                    throw RenderErrors.Value(span, message, "give as many names as the value has items");
                }
                for (var i = 0; i < items.Count; i++) Assign(tuple.Items[i], items[i], scope, span);
                return;
            case AttributeExpression { Target: NameExpression owner } attribute:
                var ns = Eval(owner, scope);
                if (ns is not Namespace namespaceObject)
                {
                    if (ns is Undefined undefined) throw RenderErrors.Undefined(undefined, owner.Span);
                    throw RenderErrors.Type(attribute.Span, "cannot assign attribute on non-namespace object",
                        $"create '{owner.Name}' with namespace(): {{% set {owner.Name} = namespace({attribute.Name}=...) %}}");
                }
                namespaceObject.Set(attribute.Name, value);
                return;
            default:
                throw RenderErrors.Error(DiagnosticCodes.TemplateInvalidAssignment, span, "cannot assign to this expression", "assign to a name");
        }
    }
}
