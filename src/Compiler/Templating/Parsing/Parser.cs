using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Lexing;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Parsing;

/// <summary>
/// Recursive-descent parser from tokens to syntax nodes. Errors are reported to the bag and
/// parsing resumes after the offending tag, so one pass reports every independent mistake.
/// </summary>
internal sealed partial class Parser
{
    private static readonly string[] NoEndTags = [];

    private readonly SourceText _source;
    private readonly TokenList _tokens;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _lexerFailed;
    private readonly List<MacroUsage> _macroStack = [];
    private readonly List<OpenBlock> _openBlocks = [];
    // Scratch lists for bodies and arguments, reused by every parse on the thread (a parse never starts another).
    [ThreadStatic] private static Stack<List<Statement>>? t_freeBodies;
    [ThreadStatic] private static Stack<List<Argument>>? t_freeArguments;
    private int _pos;
    private int _loopDepth;
    private int _strayEndTags;
    private bool _hadErrors;

    private Parser(SourceText source, TokenList tokens, DiagnosticBag diagnostics, bool lexerFailed)
    {
        _source = source;
        _tokens = tokens;
        _diagnostics = diagnostics;
        _lexerFailed = lexerFailed;
        _hadErrors = lexerFailed;
    }

    public static ParsedTemplate Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.Tokenize(source, diagnostics, out var lexerFailed);
        try
        {
            var parser = new Parser(source, tokens, diagnostics, lexerFailed);
            var body = parser.ParseBody(NoEndTags, out _);
            // Most templates (models) define neither: they share the empty lists.
            List<MacroDefinition>? macros = null;
            List<DbtBlockStatement>? blocks = null;
            foreach (var statement in body)
            {
                if (statement is MacroStatement m) (macros ??= []).Add(m.Macro);
                else if (statement is DbtBlockStatement b) (blocks ??= []).Add(b);
            }
            return new ParsedTemplate(body, macros ?? (IReadOnlyList<MacroDefinition>)[], blocks ?? (IReadOnlyList<DbtBlockStatement>)[], parser._hadErrors);
        }
        finally
        {
            Lexer.Release(tokens);
        }
    }

    private Token Current => _tokens[_pos];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private Token Previous => _tokens[Math.Max(_pos - 1, 0)];

    private Token Advance()
    {
        var token = _tokens[_pos];
        if (_pos < _tokens.Count - 1) _pos++;
        return token;
    }

    private SourceSpan Span(Token token) => new(_source, token.Start, token.Length);

    private SourceSpan SpanFrom(int start) => new(_source, start, Math.Max(Previous.End - start, 0));

    private SourceSpan SpanFrom(SourceSpan start) => SpanFrom(start.Start);

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        Advance();
        return true;
    }

    private bool AcceptName(string name)
    {
        if (!Current.IsName(name)) return false;
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string expected, string? hint = null)
    {
        if (Current.Kind == kind) return Advance();
        throw Fail(Current, $"unexpected {Describe(Current)}, expected {expected}", hint ?? DefaultHint(kind));
    }

    private string ExpectName(string expected)
    {
        var token = Expect(TokenKind.Name, expected);
        return (string)token.Value!;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AcceptName(keyword))
        {
            throw Fail(Current, $"unexpected {Describe(Current)}, expected '{keyword}'", $"write '{keyword}' here");
        }
    }

    private static string DefaultHint(TokenKind kind) => kind switch
    {
        TokenKind.BlockEnd => "close the tag with '%}'; check for a missing operator or comma",
        TokenKind.VariableEnd => "close the expression with '}}'; check for a missing operator or comma",
        TokenKind.RParen => "close the parenthesis with ')'",
        TokenKind.RBracket => "close the bracket with ']'",
        TokenKind.Name => "a name starts with a letter or '_'",
        _ => "check the syntax near here",
    };

    private string Describe(Token token) => token.Kind switch
    {
        TokenKind.Eof => "end of template",
        TokenKind.BlockEnd => "end of statement block '%}'",
        TokenKind.VariableEnd => "end of print statement '}}'",
        TokenKind.Data => "template data",
        _ => $"'{_source.Text.Substring(token.Start, token.Length)}'",
    };

    private ParseAbort Fail(Token at, string message, string hint) =>
        Fail(DiagnosticCodes.TemplateUnexpectedToken, Span(at), message, hint);

    private ParseAbort Fail(string code, SourceSpan span, string message, string hint)
    {
        Report(code, span, message, hint);
        return new ParseAbort();
    }

    private void Report(string code, SourceSpan span, string message, string hint)
    {
        _hadErrors = true;
        // After a depth limit the rest of the template was skipped: its missing end tags are echoes.
        if (_stopped) return;
        // Lexing stopped at its error; complaints about the cut-off end only echo it.
        if (_lexerFailed && span.Start >= _tokens[^1].Start) return;
        _diagnostics.Add(Diagnostic.Error(code, message, span, hint));
    }

    /// <summary>Skips to just after the end of the current tag, to resume after an error.</summary>
    private void SkipTag()
    {
        while (Current.Kind is not (TokenKind.BlockEnd or TokenKind.VariableEnd or TokenKind.Eof)) Advance();
        Accept(TokenKind.BlockEnd);
        Accept(TokenKind.VariableEnd);
    }

    /// <summary>Thrown after a parse error was reported; caught at the statement level.</summary>
    private sealed class ParseAbort : Exception;

    /// <summary>Which of the special names a macro body being parsed reads.</summary>
    private sealed class MacroUsage
    {
        public bool Caller;
        public bool Varargs;
        public bool Kwargs;
    }

    private sealed record OpenBlock(string Name, string[] EndTags, SourceSpan Span);
}
