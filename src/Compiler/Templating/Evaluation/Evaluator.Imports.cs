using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Evaluation;

// include, import and from … import, through the context's loader.
internal sealed partial class Evaluator
{
    private Template? LoadTemplate(Expression nameExpression, Scope scope, bool ignoreMissing, out string name)
    {
        var value = RenderErrors.Defined(Eval(nameExpression, scope), nameExpression.Span);
        var candidates = value is IList<object?> list ? list : [value];
        name = "";
        foreach (var candidate in candidates)
        {
            if (candidate is not string candidateName)
            {
                throw RenderErrors.Type(nameExpression.Span, $"a template name must be a string, not {PythonTypes.NameOf(candidate)}", "write the file name in quotes");
            }
            name = candidateName;
            var template = Context.Loader?.Load(candidateName);
            if (template is null) continue;
            if (template.HasErrors)
            {
                throw RenderErrors.Value(nameExpression.Span, $"template '{candidateName}' has syntax errors", $"fix the errors reported in {template.Source.Path}");
            }
            return template;
        }
        if (ignoreMissing) return null;
        throw RenderErrors.Error(DiagnosticCodes.TemplateNotFound, nameExpression.Span, $"template '{name}' not found",
            Context.Loader is null ? "this render has no template loader, so import and include are not available" : "check the path; it is relative to the project");
    }

    private void ExecuteInclude(IncludeStatement include, Scope scope, OutputWriter writer)
    {
        var template = LoadTemplate(include.TemplateName, scope, include.IgnoreMissing, out var name);
        if (template is null) return;
        DiagnosticException failed;
        try
        {
            // An include sees the including template's variables, as in Jinja.
            ThrowIfReturned(Execute(template.Body, new Scope(scope), writer));
            return;
        }
        catch (DiagnosticException error)
        {
            failed = error;
        }
        // Rethrown outside the catch block, which would otherwise run on top of the unwound frames.
        var frame = new TemplateFrame($"include '{name}'", include.Span);
        throw new DiagnosticException(failed.Diagnostic with { Frames = [frame, .. failed.Diagnostic.Frames] });
    }

    private TemplateModule ImportModule(Expression nameExpression, Scope scope)
    {
        var template = LoadTemplate(nameExpression, scope, false, out var name)!;
        _modules ??= [];
        if (_modules.TryGetValue(template, out var module)) return module;
        // Imported templates see globals only, never the importer's variables (Jinja's default).
        var root = new Scope(Context.Globals);
        ThrowIfReturned(Execute(template.Body, root, new OutputWriter(withMap: false)));
        module = new TemplateModule(name, root);
        _modules[template] = module;
        return module;
    }

    private void ExecuteFromImport(FromImportStatement fromImport, Scope scope)
    {
        var module = ImportModule(fromImport.TemplateName, scope);
        foreach (var imported in fromImport.Names)
        {
            if (!module.TryGetAttribute(imported.Name, out var value))
            {
                throw RenderErrors.Error(DiagnosticCodes.TemplateUndefined, imported.Span,
                    $"the template '{module.Name}' does not export the requested name '{imported.Name}'",
                    "check the macro name; only top-level macros and variables can be imported");
            }
            scope.Set(imported.Alias, value);
        }
    }
}
