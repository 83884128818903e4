using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Builtins;
using ModelForge.Compiler.Templating.Lexing;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Parsing;

// Attribute access, subscripts, calls, filters and tests.
internal sealed partial class Parser
{
    private Expression ParsePostfix(Expression node)
    {
        var start = node.Span.Start;
        while (true)
        {
            if (Current.Kind is TokenKind.Dot or TokenKind.LBracket or TokenKind.LParen) Grow(Current);
            switch (Current.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    var token = Current;
                    if (token.Kind == TokenKind.Name)
                    {
                        Advance();
                        node = new AttributeExpression(node, (string)token.Value!, SpanFrom(start));
                    }
                    else if (token.Kind == TokenKind.Integer)
                    {
                        Advance();
                        node = new ItemExpression(node, new LiteralExpression(token.Value, Span(token)), SpanFrom(start));
                    }
                    else
                    {
                        throw Fail(token, $"unexpected {Describe(token)}, expected an attribute name after '.'", "write object.attribute");
                    }
                    break;
                case TokenKind.LBracket:
                    node = ParseSubscript(node, start);
                    break;
                case TokenKind.LParen:
                    node = ParseCall(node, start);
                    break;
                default:
                    return node;
            }
        }
    }

    private Expression ParseFilterTail(Expression node)
    {
        var start = node.Span.Start;
        while (true)
        {
            if (Current.Kind is TokenKind.Pipe or TokenKind.LParen || Current.IsName("is")) Grow(Current);
            if (Current.Kind == TokenKind.Pipe)
            {
                Advance();
                node = ParseFilter(node, start);
            }
            else if (Current.IsName("is"))
            {
                Advance();
                node = ParseTest(node, start);
            }
            else if (Current.Kind == TokenKind.LParen)
            {
                node = ParseCall(node, start);
            }
            else
            {
                return node;
            }
        }
    }

    private Expression ParseSubscript(Expression target, int start)
    {
        Advance();
        Expression? first = null;
        if (Current.Kind != TokenKind.Colon) first = ParseExpression();
        if (Current.Kind != TokenKind.Colon)
        {
            Expect(TokenKind.RBracket, "']'");
            return new ItemExpression(target, first!, SpanFrom(start));
        }
        Advance();
        Expression? stop = null, step = null;
        if (Current.Kind is not (TokenKind.RBracket or TokenKind.Colon)) stop = ParseExpression();
        if (Accept(TokenKind.Colon) && Current.Kind != TokenKind.RBracket) step = ParseExpression();
        Expect(TokenKind.RBracket, "']'");
        return new SliceExpression(target, first, stop, step, SpanFrom(start));
    }

    private CallExpression ParseCall(Expression callee, int start)
    {
        var arguments = ParseArguments();
        return new CallExpression(callee, arguments, SpanFrom(start));
    }

    // Gathered in a reused list (calls nest: one per level) and kept as an array of exactly their number.
    private IReadOnlyList<Argument> ParseArguments()
    {
        Expect(TokenKind.LParen, "'('");
        var free = t_freeArguments ??= new Stack<List<Argument>>();
        var arguments = free.Count > 0 ? free.Pop() : new List<Argument>();
        try
        {
            ParseArgumentList(arguments);
            return arguments.Count == 0 ? [] : arguments.ToArray();
        }
        finally
        {
            arguments.Clear();
            if (arguments.Capacity <= 1024) free.Push(arguments);
        }
    }

    private void ParseArgumentList(List<Argument> arguments)
    {
        while (Current.Kind != TokenKind.RParen)
        {
            if (arguments.Count > 0) Expect(TokenKind.Comma, "',' or ')'");
            if (Current.Kind == TokenKind.RParen) break;
            if (Accept(TokenKind.Star))
            {
                arguments.Add(new Argument(ArgumentKind.Star, null, ParseExpression()));
            }
            else if (Accept(TokenKind.Power))
            {
                arguments.Add(new Argument(ArgumentKind.DoubleStar, null, ParseExpression()));
            }
            else if (Current.Kind == TokenKind.Name && Peek().Kind == TokenKind.Assign)
            {
                var name = (string)Advance().Value!;
                Advance();
                arguments.Add(new Argument(ArgumentKind.Named, name, ParseExpression()));
            }
            else
            {
                arguments.Add(new Argument(ArgumentKind.Positional, null, ParseExpression()));
            }
        }
        Advance();
    }

    /// <summary>Parses <c>name(args)</c> after a pipe; <paramref name="value"/> is null in filter/set blocks.</summary>
    private FilterExpression ParseFilter(Expression? value, int start = -1)
    {
        var nameToken = Expect(TokenKind.Name, "a filter name");
        var name = (string)nameToken.Value!;
        if (!FilterTable.Contains(name))
        {
            var suggestion = NameSuggester.Nearest(name, FilterTable.Names, minimumEdits: 1);
            Report(DiagnosticCodes.TemplateUnknownFilter, Span(nameToken), $"unknown filter '{name}'",
                suggestion is not null ? $"did you mean '{suggestion}'?" : "see docs/jinja-compatibility.md for the filters ModelForge provides");
        }
        var arguments = Current.Kind == TokenKind.LParen ? ParseArguments() : [];
        return new FilterExpression(value, name, arguments, Span(nameToken), SpanFrom(start < 0 ? nameToken.Start : start));
    }

    private Expression ParseTest(Expression value, int start)
    {
        var negated = AcceptName("not");
        var nameToken = Expect(TokenKind.Name, "a test name");
        var name = (string)nameToken.Value!;
        if (!TestTable.Contains(name))
        {
            var suggestion = NameSuggester.Nearest(name, TestTable.Names, minimumEdits: 1);
            Report(DiagnosticCodes.TemplateUnknownTest, Span(nameToken), $"unknown test '{name}'",
                suggestion is not null ? $"did you mean '{suggestion}'?" : "see docs/jinja-compatibility.md for the tests ModelForge provides");
        }
        IReadOnlyList<Argument> arguments;
        if (Current.Kind == TokenKind.LParen)
        {
            arguments = ParseArguments();
        }
        else if (Current.Kind is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float or TokenKind.LBracket or TokenKind.LBrace
            && !(Current.IsName("else") || Current.IsName("or") || Current.IsName("and") || Current.IsName("if") || Current.IsName("in") || Current.IsName("not")))
        {
            // `x is divisibleby 3`: one argument without parentheses.
            var argument = ParsePostfix(ParsePrimary());
            arguments = [new Argument(ArgumentKind.Positional, null, argument)];
        }
        else
        {
            arguments = [];
        }
        return new TestExpression(value, name, arguments, negated, Span(nameToken), SpanFrom(start));
    }
}
