using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating;

/// <summary>A macro defined at the top level of a parsed template.</summary>
internal sealed class TemplateMacro(Template template, MacroDefinition definition) : Macro
{
    private readonly string[] _parameters = ParameterNames(definition);

    public override string Name => definition.Name;

    public override IReadOnlyList<string> Parameters => _parameters;

    public override SourceSpan Span => definition.Span;

    /// <summary>The syntax tree, for passes that reason about what the macro reads.</summary>
    internal MacroDefinition Definition => definition;

    public override ICallable Bind(TemplateContext context) => new Evaluator(context).BindMacro(template, definition.Name);

    private static string[] ParameterNames(MacroDefinition definition)
    {
        var names = new string[definition.Parameters.Count];
        for (var i = 0; i < names.Length; i++) names[i] = definition.Parameters[i].Name;
        return names;
    }
}
