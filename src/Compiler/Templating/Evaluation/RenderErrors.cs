using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>Builds the exceptions that abort a render; message texts live here, next to their codes.</summary>
internal static class RenderErrors
{
    /// <summary>The owner given to the undefined result of first/last/min/max on an empty sequence.</summary>
    public const string EmptySequence = "empty sequence";

    /// <summary>The value of <c>a if cond</c> when cond is false: undefined, but rendered and concatenated as "".</summary>
    public static Undefined MissingElse(SourceSpan span) => new("", span);

    public static bool IsMissingElse(Undefined undefined) => undefined.Name.Length == 0;

    public static DiagnosticException Error(string code, SourceSpan span, string message, string hint) =>
        new(Diagnostic.Error(code, message, span, hint));

    /// <summary>An undefined value was used where a real one is needed.</summary>
    public static DiagnosticException Undefined(Undefined undefined, SourceSpan fallback)
    {
        var span = undefined.Span ?? fallback;
        if (undefined.Name.Length == 0)
        {
            return Error(DiagnosticCodes.TemplateUndefined, span, "the inline if-expression evaluated to false and has no else",
                "add an else branch: {{ a if condition else '' }}");
        }
        if (undefined.Owner == EmptySequence)
        {
            return Error(DiagnosticCodes.TemplateUndefined, span, $"no {undefined.Name} item, the sequence was empty",
                $"check the sequence has items first, or add a fallback: |{undefined.Name}|default(...)");
        }
        if (undefined.Owner is "list object" or "tuple object" or "str object" && long.TryParse(undefined.Name, out _))
        {
            return Error(DiagnosticCodes.TemplateUndefined, span, $"'{undefined.Owner}' has no element {undefined.Name}",
                $"the index is out of range; check the length first (|length) or give it a fallback with '|default(...)'");
        }
        if (undefined.Owner is not null)
        {
            return Error(DiagnosticCodes.TemplateUndefined, span, $"'{undefined.Owner}' has no attribute '{undefined.Name}'",
                $"check the spelling of '{undefined.Name}', or test it first with 'is defined' or give it a fallback with '|default(...)'");
        }
        return Error(DiagnosticCodes.TemplateUndefined, span, $"'{undefined.Name}' is undefined",
            $"check the spelling of '{undefined.Name}'; set it, pass it in, or test it first with '{{% if {undefined.Name} is defined %}}'");
    }

    public static DiagnosticException Type(SourceSpan span, string message, string? hint = null) =>
        Error(DiagnosticCodes.TemplateTypeError, span, message, hint ?? "convert the value first, e.g. with |string, |int or |float");

    public static DiagnosticException Value(SourceSpan span, string message, string hint) =>
        Error(DiagnosticCodes.TemplateValueError, span, message, hint);

    public static DiagnosticException Arguments(SourceSpan span, string message, string hint) =>
        Error(DiagnosticCodes.TemplateBadArguments, span, message, hint);

    public static DiagnosticException DivisionByZero(SourceSpan span, string message) =>
        Error(DiagnosticCodes.TemplateDivisionByZero, span, message, "check the divisor before dividing, e.g. {{ a / b if b else 0 }}");

    public static DiagnosticException UnsupportedOperands(SourceSpan span, string op, object? left, object? right) =>
        Type(span, $"unsupported operand type(s) for {op}: '{PythonTypes.NameOf(left)}' and '{PythonTypes.NameOf(right)}'");

    /// <summary>Throws the undefined error if <paramref name="value"/> is undefined, else returns it.</summary>
    public static object? Defined(object? value, SourceSpan span) =>
        value is Undefined u ? throw Undefined(u, span) : value;
}
