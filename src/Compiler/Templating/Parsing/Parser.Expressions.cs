using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Builtins;
using ModelForge.Compiler.Templating.Lexing;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Parsing;

// Expressions, by Jinja's precedence: conditional < or < and < not < compare < + - < ~ < * / // % < ** < unary < postfix/filter.
internal sealed partial class Parser
{
    /// <summary>An expression, or a tuple if commas follow (as in <c>{{ a, b }}</c> or <c>for x in a, b</c>).</summary>
    private Expression ParseTuple(bool withCondExpr = true, string? extraEnd = null, bool explicitParens = false)
    {
        var start = Current.Start;
        if (IsTupleEnd(extraEnd))
        {
            if (!explicitParens) throw Fail(Current, $"unexpected {Describe(Current)}, expected an expression", "write a value, a name or a call here");
            return new TupleExpression([], SpanFrom(start));
        }
        var first = ParseExpression(withCondExpr);
        // Most expressions are not tuples: allocate the item list only when a comma follows.
        if (Current.Kind != TokenKind.Comma) return first;
        var items = new List<Expression> { first };
        while (Accept(TokenKind.Comma))
        {
            if (IsTupleEnd(extraEnd)) break;
            items.Add(ParseExpression(withCondExpr));
        }
        return new TupleExpression(items, SpanFrom(start));
    }

    private bool IsTupleEnd(string? extraEnd) =>
        Current.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd or TokenKind.RParen or TokenKind.Eof
        || (extraEnd is not null && Current.IsName(extraEnd));

    private Expression ParseExpression(bool withCondExpr = true)
    {
        // Sizes count per expression level: a nested expression's parts do not add to its parent's.
        var size = _size;
        Nest(Current);
        var expression = withCondExpr ? ParseConditional() : ParseOr();
        Leave();
        _size = size;
        return expression;
    }

    private Expression ParseConditional()
    {
        var start = Current.Start;
        var expression = ParseOr();
        while (Current.IsName("if"))
        {
            Grow(Advance());
            var test = ParseOr();
            Expression? otherwise = null;
            if (Current.IsName("else"))
            {
                Nest(Advance());
                otherwise = ParseConditional();
                Leave();
            }
            expression = new ConditionalExpression(test, expression, otherwise, SpanFrom(start));
        }
        return expression;
    }

    private Expression ParseOr()
    {
        var start = Current.Start;
        var left = ParseAnd();
        while (Current.IsName("or"))
        {
            var opToken = Advance();
            Grow(opToken);
            var op = Span(opToken);
            left = new BinaryExpression(BinaryOperator.Or, left, ParseAnd(), op, SpanFrom(start));
        }
        return left;
    }

    private Expression ParseAnd()
    {
        var start = Current.Start;
        var left = ParseNot();
        while (Current.IsName("and"))
        {
            var opToken = Advance();
            Grow(opToken);
            var op = Span(opToken);
            left = new BinaryExpression(BinaryOperator.And, left, ParseNot(), op, SpanFrom(start));
        }
        return left;
    }

    private Expression ParseNot()
    {
        if (Current.IsName("not"))
        {
            var notToken = Advance();
            var start = notToken.Start;
            Nest(notToken);
            Grow(notToken);
            var operand = ParseNot();
            Leave();
            return new UnaryExpression(UnaryOperator.Not, operand, SpanFrom(start));
        }
        return ParseCompare();
    }

    private Expression ParseCompare()
    {
        var start = Current.Start;
        var first = ParseMath1();
        List<Comparison>? rest = null;
        while (true)
        {
            var opToken = Current;
            CompareOperator op;
            switch (Current.Kind)
            {
                case TokenKind.Eq: op = CompareOperator.Equal; break;
                case TokenKind.Ne: op = CompareOperator.NotEqual; break;
                case TokenKind.Lt: op = CompareOperator.Less; break;
                case TokenKind.Le: op = CompareOperator.LessOrEqual; break;
                case TokenKind.Gt: op = CompareOperator.Greater; break;
                case TokenKind.Ge: op = CompareOperator.GreaterOrEqual; break;
                case TokenKind.Name when Current.IsName("in"): op = CompareOperator.In; break;
                case TokenKind.Name when Current.IsName("not") && Peek().IsName("in"):
                    Advance();
                    op = CompareOperator.NotIn;
                    break;
                default:
                    return rest is null ? first : new CompareExpression(first, rest, SpanFrom(start));
            }
            Grow(Advance());
            (rest ??= []).Add(new Comparison(op, ParseMath1(), SpanFrom(opToken.Start)));
        }
    }

    private Expression ParseMath1()
    {
        var start = Current.Start;
        var left = ParseConcat();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var opToken = Advance();
            Grow(opToken);
            var op = opToken.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpression(op, left, ParseConcat(), Span(opToken), SpanFrom(start));
        }
        return left;
    }

    private Expression ParseConcat()
    {
        var start = Current.Start;
        var left = ParseMath2();
        while (Current.Kind == TokenKind.Tilde)
        {
            var opToken = Advance();
            Grow(opToken);
            left = new BinaryExpression(BinaryOperator.Concat, left, ParseMath2(), Span(opToken), SpanFrom(start));
        }
        return left;
    }

    private Expression ParseMath2()
    {
        var start = Current.Start;
        var left = ParsePow();
        while (true)
        {
            BinaryOperator op;
            switch (Current.Kind)
            {
                case TokenKind.Star: op = BinaryOperator.Multiply; break;
                case TokenKind.Slash: op = BinaryOperator.Divide; break;
                case TokenKind.FloorDiv: op = BinaryOperator.FloorDivide; break;
                case TokenKind.Percent: op = BinaryOperator.Modulo; break;
                default: return left;
            }
            var opToken = Advance();
            Grow(opToken);
            left = new BinaryExpression(op, left, ParsePow(), Span(opToken), SpanFrom(start));
        }
    }

    private Expression ParsePow()
    {
        var start = Current.Start;
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Power)
        {
            var opToken = Advance();
            Grow(opToken);
            left = new BinaryExpression(BinaryOperator.Power, left, ParseUnary(), Span(opToken), SpanFrom(start));
        }
        return left;
    }

    private Expression ParseUnary(bool withFilter = true)
    {
        var start = Current.Start;
        Expression node;
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var signToken = Advance();
            var op = signToken.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Plus;
            Nest(signToken);
            Grow(signToken);
            var operand = ParseUnary(false);
            Leave();
            node = new UnaryExpression(op, operand, SpanFrom(start));
        }
        else
        {
            node = ParsePrimary();
        }
        node = ParsePostfix(node);
        return withFilter ? ParseFilterTail(node) : node;
    }

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Advance();
                var name = (string)token.Value!;
                switch (name)
                {
                    case "true" or "True": return new LiteralExpression(true, Span(token));
                    case "false" or "False": return new LiteralExpression(false, Span(token));
                    case "none" or "None": return new LiteralExpression(null, Span(token));
                }
                NoteSpecialName(name);
                return new NameExpression(name, Span(token));
            case TokenKind.String:
                Advance();
                if (Current.Kind != TokenKind.String) return new LiteralExpression(token.Value, Span(token));
                // Adjacent string literals concatenate, as in Python.
                var text = (string)token.Value!;
                while (Current.Kind == TokenKind.String) text += (string)Advance().Value!;
                return new LiteralExpression(text, SpanFrom(token.Start));
            case TokenKind.Integer:
            case TokenKind.Float:
                Advance();
                return new LiteralExpression(token.Value, Span(token));
            case TokenKind.LParen:
                Advance();
                var inner = ParseTuple(explicitParens: true);
                Expect(TokenKind.RParen, "')'");
                return inner is TupleExpression tuple ? tuple with { Span = SpanFrom(token.Start) } : inner;
            case TokenKind.LBracket:
                return ParseList();
            case TokenKind.LBrace:
                return ParseDict();
            default:
                throw Fail(token, $"unexpected {Describe(token)}, expected an expression", "write a value, a name or a call here");
        }
    }

    private void NoteSpecialName(string name)
    {
        if (_macroStack.Count == 0) return;
        foreach (var usage in _macroStack)
        {
            if (name == "caller") usage.Caller = true;
            else if (name == "varargs") usage.Varargs = true;
            else if (name == "kwargs") usage.Kwargs = true;
        }
    }

    private Expression ParseList()
    {
        var start = Advance().Start;
        var items = new List<Expression>();
        while (Current.Kind != TokenKind.RBracket)
        {
            if (items.Count > 0) Expect(TokenKind.Comma, "',' or ']'");
            if (Current.Kind == TokenKind.RBracket) break;
            items.Add(ParseExpression());
        }
        Advance();
        return new ListExpression(items, SpanFrom(start));
    }

    private Expression ParseDict()
    {
        var start = Advance().Start;
        var entries = new List<DictEntry>();
        while (Current.Kind != TokenKind.RBrace)
        {
            if (entries.Count > 0) Expect(TokenKind.Comma, "',' or '}'");
            if (Current.Kind == TokenKind.RBrace) break;
            var key = ParseExpression();
            Expect(TokenKind.Colon, "':'", "a dict is written {'key': value}");
            entries.Add(new DictEntry(key, ParseExpression()));
        }
        Advance();
        return new DictExpression(entries, SpanFrom(start));
    }
}
