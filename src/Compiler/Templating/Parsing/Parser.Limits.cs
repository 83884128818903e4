using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Lexing;

namespace ModelForge.Compiler.Templating.Parsing;

// Depth bounds. A stack overflow cannot be caught in .NET, so the parser refuses input whose
// parse or evaluation would recurse too deeply, before it recurses. Two counters, no allocation:
// _nesting counts recursive descents open at once (parentheses, brackets, calls, not, signs,
// blocks: each costs the parser ~13 frames); _size counts the operators and postfix steps of the
// expression being parsed, which bounds the depth of its tree and so the evaluator's recursion.
internal sealed partial class Parser
{
    private int _nesting;
    private int _size;
    private bool _stopped;

    /// <summary>Enters one level of nesting; pair with <see cref="Leave"/> (error paths restore a saved value).</summary>
    private void Nest(Token at)
    {
        if (++_nesting > TemplateLimits.MaxNesting)
        {
            throw Stop(DiagnosticCodes.TemplateNestedTooDeeply, at,
                $"the template is nested too deeply (more than {TemplateLimits.MaxNesting} levels of parentheses, brackets, calls, 'not' or blocks)",
                "split the expression or block into smaller parts, e.g. with {% set %} or a macro");
        }
    }

    private void Leave() => _nesting--;

    /// <summary>Counts one operator, filter, test or postfix step of the current expression.</summary>
    private void Grow(Token at)
    {
        if (++_size > TemplateLimits.MaxExpressionSize)
        {
            throw Stop(DiagnosticCodes.TemplateExpressionTooLong, at,
                $"the expression is too long (more than {TemplateLimits.MaxExpressionSize} operators, filters and nested parts)",
                "split it into several {% set %} statements");
        }
    }

    /// <summary>Reports a limit once and ends the parse: everything after is skipped, not re-reported.</summary>
    private ParseAbort Stop(string code, Token at, string message, string hint)
    {
        Report(code, Span(at), message, hint);
        _stopped = true;
        _pos = _tokens.Count - 1;
        return new ParseAbort();
    }
}
