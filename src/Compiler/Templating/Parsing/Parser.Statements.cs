using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Lexing;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Parsing;

// Control flow, assignment and macro statements.
internal sealed partial class Parser
{
    private SourceSpan CloseHeader(Token begin)
    {
        Expect(TokenKind.BlockEnd, "'%}'");
        return SpanFrom(begin.Start);
    }

    private Statement ParseFor(Token begin)
    {
        var target = ParseAssignTarget("in", allowNamespace: false);
        ExpectKeyword("in");
        var iterable = ParseTuple(withCondExpr: false, extraEnd: "recursive");
        Expression? condition = null;
        if (AcceptName("if")) condition = ParseExpression();
        var recursive = AcceptName("recursive");
        var open = CloseHeader(begin);
        _loopDepth++;
        IReadOnlyList<Statement> body;
        string? end;
        try
        {
            body = ParseBlockBody("for", open, ForEndTags, out end);
        }
        finally
        {
            _loopDepth--;
        }
        IReadOnlyList<Statement>? elseBody = null;
        if (end == "else")
        {
            ExpectEndTagClose();
            elseBody = ParseBlockBody("for", open, EndTagsOf("for"), out end);
        }
        if (end is not null) ExpectEndTagClose();
        return new ForStatement(target, iterable, condition, body, elseBody, recursive, SpanFrom(begin.Start));
    }

    private Statement ParseIf(Token begin)
    {
        var branches = new List<IfBranch>();
        var condition = ParseTuple();
        var open = CloseHeader(begin);
        IReadOnlyList<Statement>? elseBody = null;
        while (true)
        {
            var body = ParseBlockBody("if", open, IfEndTags, out var end);
            branches.Add(new IfBranch(condition, body));
            if (end == "elif")
            {
                var (nesting, size) = (_nesting, _size);
                try
                {
                    condition = ParseTuple();
                    Expect(TokenKind.BlockEnd, "'%}'");
                }
                catch (ParseAbort)
                {
                    (_nesting, _size) = (nesting, size);
                    SkipTag();
                    condition = new LiteralExpression(false, open);
                }
                continue;
            }
            if (end == "else")
            {
                ExpectEndTagClose();
                elseBody = ParseBlockBody("if", open, EndTagsOf("if"), out end);
            }
            if (end is not null) ExpectEndTagClose();
            return new IfStatement(branches, elseBody, SpanFrom(begin.Start));
        }
    }

    private Statement ParseSet(Token begin)
    {
        var target = ParseAssignTarget(null, allowNamespace: true);
        if (Accept(TokenKind.Assign))
        {
            var value = ParseTuple();
            return new SetStatement(target, value, CloseHeader(begin));
        }
        var filters = new List<FilterExpression>();
        while (Accept(TokenKind.Pipe)) filters.Add(ParseFilter(null));
        var open = CloseHeader(begin);
        var body = ParseBlockBody("set", open, EndTagsOf("set"), out var end);
        if (end is not null) ExpectEndTagClose();
        return new SetBlockStatement(target, filters, body, SpanFrom(begin.Start));
    }

    /// <summary>A name, <c>a, b</c>, <c>(a, b)</c> or (for set) <c>ns.attr</c>.</summary>
    private Expression ParseAssignTarget(string? extraEnd, bool allowNamespace)
    {
        var start = Current.Start;
        var parens = Accept(TokenKind.LParen);
        var items = new List<Expression>();
        var sawComma = false;
        while (true)
        {
            if (Current.Kind != TokenKind.Name)
            {
                throw Fail(DiagnosticCodes.TemplateInvalidAssignment, Span(Current), $"cannot assign to {Describe(Current)}",
                    "the target of set/for/with is a variable name, a comma-separated list of names, or namespace.attribute");
            }
            var nameToken = Advance();
            Expression target = new NameExpression((string)nameToken.Value!, Span(nameToken));
            if (allowNamespace && Current.Kind == TokenKind.Dot)
            {
                Advance();
                var attribute = ExpectName("an attribute name");
                target = new AttributeExpression(target, attribute, SpanFrom(nameToken.Start));
            }
            items.Add(target);
            if (!Accept(TokenKind.Comma)) break;
            sawComma = true;
            if (Current.Kind is TokenKind.BlockEnd or TokenKind.Assign or TokenKind.Pipe or TokenKind.RParen
                || (extraEnd is not null && Current.IsName(extraEnd)))
            {
                break;
            }
        }
        if (parens) Expect(TokenKind.RParen, "')'");
        return items.Count == 1 && !sawComma ? items[0] : new TupleExpression(items, SpanFrom(start));
    }

    private Statement ParseMacro(Token begin)
    {
        var name = ExpectName("a macro name");
        var parameters = ParseParameters();
        var open = CloseHeader(begin);
        return new MacroStatement(ParseMacroBody(name, parameters, "macro", open), SpanFrom(begin.Start));
    }

    private MacroDefinition ParseMacroBody(string name, IReadOnlyList<Parameter> parameters, string tag, SourceSpan open)
    {
        var usage = new MacroUsage();
        _macroStack.Add(usage);
        var loopDepth = _loopDepth;
        _loopDepth = 0;
        try
        {
            var body = ParseBlockBody(tag, open, EndTagsOf(tag), out var end);
            if (end is not null)
            {
                // Jinja accepts the macro's name repeated on its end tag.
                if (Current.Kind == TokenKind.Name) Advance();
                ExpectEndTagClose();
            }
            return new MacroDefinition(name, parameters, body, usage.Caller, usage.Varargs, usage.Kwargs, open);
        }
        finally
        {
            _loopDepth = loopDepth;
            _macroStack.RemoveAt(_macroStack.Count - 1);
        }
    }

    private List<Parameter> ParseParameters()
    {
        var parameters = new List<Parameter>();
        Expect(TokenKind.LParen, "'('", "a macro is declared as name(param, other=default)");
        while (Current.Kind != TokenKind.RParen)
        {
            if (parameters.Count > 0) Expect(TokenKind.Comma, "',' or ')'");
            if (Current.Kind == TokenKind.RParen) break;
            var name = ExpectName("a parameter name");
            Expression? defaultValue = Accept(TokenKind.Assign) ? ParseExpression() : null;
            parameters.Add(new Parameter(name, defaultValue));
        }
        Advance();
        return parameters;
    }

    private Statement ParseCallBlock(Token begin)
    {
        var parameters = Current.Kind == TokenKind.LParen ? ParseParameters() : [];
        var callStart = Current;
        var call = ParseExpression();
        if (call is not CallExpression callExpression)
        {
            throw Fail(callStart, "expected a call after 'call', e.g. {% call my_macro() %}", "the call tag calls a macro and passes its body as caller()");
        }
        var open = CloseHeader(begin);
        var body = ParseBlockBody("call", open, EndTagsOf("call"), out var end);
        if (end is not null) ExpectEndTagClose();
        return new CallBlockStatement(callExpression, parameters, body, SpanFrom(begin.Start));
    }

    private Statement ParseFilterBlock(Token begin)
    {
        var filters = new List<FilterExpression> { ParseFilter(null) };
        while (Accept(TokenKind.Pipe)) filters.Add(ParseFilter(null));
        var open = CloseHeader(begin);
        var body = ParseBlockBody("filter", open, EndTagsOf("filter"), out var end);
        if (end is not null) ExpectEndTagClose();
        return new FilterBlockStatement(filters, body, SpanFrom(begin.Start));
    }

    private Statement ParseDo(Token begin)
    {
        var value = ParseTuple();
        return new DoStatement(value, CloseHeader(begin));
    }

    private Statement ParseWith(Token begin)
    {
        var assignments = new List<SetStatement>();
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (assignments.Count > 0) Expect(TokenKind.Comma, "',' or '%}'");
            var start = Current.Start;
            var target = ParseAssignTarget(null, allowNamespace: false);
            Expect(TokenKind.Assign, "'='");
            var value = ParseExpression();
            assignments.Add(new SetStatement(target, value, SpanFrom(start)));
        }
        var open = CloseHeader(begin);
        var body = ParseBlockBody("with", open, EndTagsOf("with"), out var end);
        if (end is not null) ExpectEndTagClose();
        return new WithStatement(assignments, body, SpanFrom(begin.Start));
    }

    private Statement ParseLoopControl(string name, Token begin)
    {
        var span = CloseHeader(begin);
        if (_loopDepth == 0)
        {
            Report(DiagnosticCodes.TemplateLoopControlOutsideLoop, span, $"'{name}' outside of a loop",
                $"'{name}' can only be used inside a {{% for %}} block");
        }
        return name == "break" ? new BreakStatement(span) : new ContinueStatement(span);
    }

    private Statement ParseBlock(Token begin)
    {
        var name = ExpectName("a block name");
        var open = CloseHeader(begin);
        var body = ParseBlockBody("block", open, EndTagsOf("block"), out var end);
        if (end is not null)
        {
            if (Current.Kind == TokenKind.Name) Advance();
            ExpectEndTagClose();
        }
        return new BlockStatement(name, body, SpanFrom(begin.Start));
    }
}
