using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Lexing;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class LexerTests
{
    private static List<Token> Lex(string text, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        var tokens = Lexer.Tokenize(new SourceText("t.sql", text), bag, out _);
        return Enumerable.Range(0, tokens.Count).Select(i => tokens[i]).ToList();
    }

    private static string Kinds(IEnumerable<Token> tokens) => string.Join(" ", tokens.Select(t => t.Kind));

    [Test]
    public void Data_and_tags_become_tokens_with_offsets()
    {
        var tokens = Lex("ab{{ x }}cd", out _);
        Assert.That(Kinds(tokens), Is.EqualTo("Data VariableBegin Name VariableEnd Data Eof"));
        Assert.That((tokens[0].Start, tokens[0].Length), Is.EqualTo((0, 2)));
        Assert.That((tokens[2].Start, tokens[2].Value), Is.EqualTo((5, (object)"x")));
        Assert.That((tokens[4].Start, tokens[4].Length), Is.EqualTo((9, 2)));
    }

    [Test]
    public void Equal_string_literals_share_one_string_unless_escaped()
    {
        var first = Lex("{{ config(materialized='view') }}", out _).Single(t => t.Kind == TokenKind.String);
        var second = Lex("{{ x('view', \"it's\", 'it\\'s', \"it's\") }}", out _).Where(t => t.Kind == TokenKind.String).ToList();

        Assert.That(first.Value, Is.EqualTo("view"));
        Assert.That(second[0].Value, Is.SameAs(first.Value), "across templates too");
        Assert.That(second[1].Value, Is.EqualTo("it's"));
        Assert.That(second[3].Value, Is.SameAs(second[1].Value));
        Assert.That(second[2].Value, Is.EqualTo("it's").And.Not.SameAs(second[1].Value), "an escape is read, not shared");
    }

    [Test]
    public void Whitespace_control_shrinks_the_neighbouring_data()
    {
        var tokens = Lex("a  \n {{- x -}} \n b", out _);
        Assert.That((tokens[0].Start, tokens[0].Length), Is.EqualTo((0, 1)));
        var last = tokens[^2];
        Assert.That((last.Kind, last.Start, last.Length), Is.EqualTo((TokenKind.Data, 17, 1)));
    }

    [Test]
    public void Comments_vanish_and_can_trim()
    {
        var tokens = Lex("a {#- note -#} b", out _);
        Assert.That(Kinds(tokens), Is.EqualTo("Data Data Eof"));
        Assert.That(tokens[1].Start, Is.EqualTo(15));
    }

    [Test]
    public void Raw_block_is_one_data_token()
    {
        var tokens = Lex("{% raw %}{{ x }}{% endraw %}", out _);
        Assert.That(Kinds(tokens), Is.EqualTo("Data Eof"));
        Assert.That((tokens[0].Start, tokens[0].Length), Is.EqualTo((9, 7)));
    }

    [Test]
    public void Operators_strings_and_numbers_are_lexed()
    {
        var tokens = Lex("{{ a // 2 ** 1.5e2 != 'x\\'y' ~ 1_000 }}", out _);
        Assert.That(Kinds(tokens), Is.EqualTo("VariableBegin Name FloorDiv Integer Power Float Ne String Tilde Integer VariableEnd Eof"));
        Assert.That(tokens[5].Value, Is.EqualTo(150.0));
        Assert.That(tokens[7].Value, Is.EqualTo("x'y"));
        Assert.That(tokens[9].Value, Is.EqualTo(1000L));
    }

    [Test]
    public void Braces_inside_an_expression_do_not_close_it()
    {
        var tokens = Lex("{{ {'a': {'b': 1}} }}", out _);
        Assert.That(tokens.Count(t => t.Kind == TokenKind.RBrace), Is.EqualTo(2));
        Assert.That(tokens[^2].Kind, Is.EqualTo(TokenKind.VariableEnd));
    }

    [Test]
    public void One_trailing_newline_is_dropped()
    {
        var tokens = Lex("a\n\n", out _);
        Assert.That(tokens[0].Length, Is.EqualTo(2));
    }

    [TestCase("{{ 'abc }}", "MF2007", 1, 4)]
    [TestCase("x\n{# open", "MF2008", 2, 1)]
    [TestCase("ab {{ x", "MF2009", 1, 4)]
    [TestCase("{{ a $ b }}", "MF2010", 1, 6)]
    [TestCase("{% raw %}never closed", "MF2001", 1, 1)]
    public void Lexical_errors_point_at_their_start(string text, string code, int line, int column)
    {
        Lex(text, out var bag);
        var error = bag.ToList().Single();
        Assert.That(error.Code, Is.EqualTo(code));
        Assert.That((error.Span!.Value.Line, error.Span!.Value.Column), Is.EqualTo((line, column)));
        Assert.That(error.Hint, Is.Not.Empty);
    }
}
