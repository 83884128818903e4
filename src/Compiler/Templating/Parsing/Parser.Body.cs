using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Lexing;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Parsing;

// Template bodies: data, {{ }} and tags up to the end tag of the enclosing block.
internal sealed partial class Parser
{
    private static readonly HashSet<string> ClosingTags =
    [
        "else", "elif", "endif", "endfor", "endmacro", "endcall", "endfilter", "endset", "endwith",
        "endblock", "endtest", "enddata_test", "endmaterialization", "endsnapshot", "enddocs", "endraw",
    ];

    private static readonly string[] KnownTags =
    [
        "for", "if", "set", "macro", "call", "filter", "do", "import", "from", "include", "with",
        "break", "continue", "block", "raw", "test", "data_test", "materialization", "snapshot", "docs",
    ];

    /// <summary>
    /// Parses statements until a tag named in <paramref name="endTags"/>; on return the current
    /// token is that tag's name (its <c>{%</c> consumed). <paramref name="endTag"/> is null at
    /// the end of the template.
    /// </summary>
    private IReadOnlyList<Statement> ParseBody(string[] endTags, out string? endTag)
    {
        // Statements gather in a reused list (one per nesting level) and are kept as an array of exactly
        // their number: no growth copies, and nothing larger than the body stays alive with the template.
        var free = t_freeBodies ??= new Stack<List<Statement>>();
        var body = free.Count > 0 ? free.Pop() : new List<Statement>();
        try
        {
            ParseStatements(body, endTags, out endTag);
            return body.Count == 0 ? [] : body.ToArray();
        }
        finally
        {
            body.Clear();
            // A huge template does not pin its scratch list to the thread.
            if (body.Capacity <= 1024) free.Push(body);
        }
    }

    private void ParseStatements(List<Statement> body, string[] endTags, out string? endTag)
    {
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Data:
                    Advance();
                    body.Add(new TextStatement(Span(token)));
                    break;
                case TokenKind.VariableBegin:
                    var output = ParseOutput();
                    if (output is not null) body.Add(output);
                    break;
                case TokenKind.BlockBegin:
                    var next = Peek();
                    if (next.Kind == TokenKind.Name && Array.IndexOf(endTags, (string)next.Value!) >= 0)
                    {
                        Advance();
                        endTag = (string)next.Value!;
                        return;
                    }
                    var statement = ParseStatement();
                    if (statement is not null) body.Add(statement);
                    break;
                case TokenKind.Eof:
                    endTag = null;
                    return;
                default:
                    // A stray token outside any tag can only follow an earlier error; skip it.
                    Advance();
                    break;
            }
        }
    }

    private Statement? ParseOutput()
    {
        var begin = Advance();
        var (nesting, size) = (_nesting, _size);
        try
        {
            var value = ParseTuple();
            Expect(TokenKind.VariableEnd, "'}}'");
            return new OutputStatement(value, SpanFrom(begin.Start));
        }
        catch (ParseAbort)
        {
            (_nesting, _size) = (nesting, size);
            SkipTag();
            return null;
        }
    }

    private Statement? ParseStatement()
    {
        var begin = Advance();
        var nameToken = Current;
        if (nameToken.Kind != TokenKind.Name)
        {
            Report(DiagnosticCodes.TemplateUnexpectedToken, Span(nameToken), $"unexpected {Describe(nameToken)}, expected a tag name",
                "a statement starts with a tag name such as 'if', 'for', 'set' or 'macro'");
            SkipTag();
            return null;
        }
        var name = (string)nameToken.Value!;
        if (Array.IndexOf(KnownTags, name) < 0)
        {
            ReportUnknownTag(name, Span(nameToken));
            SkipTag();
            return null;
        }
        Advance();
        var (nesting, size) = (_nesting, _size);
        try
        {
            return ParseTag(name, begin);
        }
        catch (ParseAbort)
        {
            (_nesting, _size) = (nesting, size);
        }
        // Recover outside the catch block: a catch handler runs on top of the frames of its throw,
        // so parsing nested bodies from inside one would use far more stack per level.
        SkipTag();
        // The header was broken: still consume the block's body so its end tag is not reported too.
        var endTags = EndTagsOf(name);
        if (endTags.Length > 0 && !(name == "set" && !IsSetBlockHeader(begin)))
        {
            try
            {
                Nest(begin);
            }
            catch (ParseAbort)
            {
                return null;
            }
            ParseBody(endTags, out var endTag);
            Leave();
            if (endTag is not null) SkipTag();
        }
        return null;
    }

    private Statement? ParseTag(string name, Token begin) => name switch
    {
        "for" => ParseFor(begin),
        "if" => ParseIf(begin),
        "set" => ParseSet(begin),
        "macro" => ParseMacro(begin),
        "call" => ParseCallBlock(begin),
        "filter" => ParseFilterBlock(begin),
        "do" => ParseDo(begin),
        "import" => ParseImport(begin),
        "from" => ParseFromImport(begin),
        "include" => ParseInclude(begin),
        "with" => ParseWith(begin),
        "break" or "continue" => ParseLoopControl(name, begin),
        "block" => ParseBlock(begin),
        "test" or "data_test" => ParseTestBlock(name, begin),
        "materialization" => ParseMaterialization(begin),
        "snapshot" or "docs" => ParseDbtBlock(name, begin),
        // A well-formed {% raw %} never reaches the parser: the lexer turns it into data.
        "raw" => throw Fail(Current, $"unexpected {Describe(Current)}, expected '%}}' after 'raw'", "write {% raw %}…{% endraw %}"),
        _ => throw new InvalidOperationException($"tag '{name}' is listed but not parsed"),
    };

    // Built once: parsing a block must not allocate its list of end tags.
    private static readonly Dictionary<string, string[]> SingleEndTags = BuildEndTags();
    private static readonly string[] ForEndTags = ["endfor", "else"];
    private static readonly string[] IfEndTags = ["elif", "else", "endif"];

    private static Dictionary<string, string[]> BuildEndTags()
    {
        var tags = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var tag in (string[])["for", "if", "set", "macro", "call", "filter", "with", "block", "test", "data_test", "materialization", "snapshot", "docs"])
        {
            tags[tag] = ["end" + tag];
        }
        return tags;
    }

    /// <summary>The one tag that closes <paramref name="tag"/>, or none for tags without a body.</summary>
    private static string[] EndTagsOf(string tag) => SingleEndTags.TryGetValue(tag, out var tags) ? tags : NoEndTags;

    // A broken `{% set x = %}` has no body, but a broken `{% set x | f( %}` might: only a header without '=' opens a block.
    private bool IsSetBlockHeader(Token begin)
    {
        for (var i = _tokens.IndexOf(begin); i < _tokens.Count && _tokens[i].Kind != TokenKind.BlockEnd; i++)
        {
            if (_tokens[i].Kind == TokenKind.Assign) return false;
        }
        return true;
    }

    private void ReportUnknownTag(string name, SourceSpan span)
    {
        if (ClosingTags.Contains(name))
        {
            _strayEndTags++;
            if (_openBlocks.Count == 0)
            {
                Report(DiagnosticCodes.TemplateUnexpectedTag, span, $"unexpected '{name}'",
                    $"there is no open block for '{name}' to close; remove it or add the opening tag");
            }
            else
            {
                var open = _openBlocks[^1];
                Report(DiagnosticCodes.TemplateUnexpectedTag, span, $"unexpected '{name}', expected '{open.EndTags[^1]}'",
                    $"Jinja was looking for: {JoinTags(open.EndTags)}. The innermost block that needs to be closed is '{open.Name}' ({open.Span}).");
            }
            return;
        }
        var suggestion = NameSuggester.Nearest(name, KnownTags, minimumEdits: 1);
        var hint = suggestion is not null
            ? $"did you mean '{suggestion}'?"
            : "known tags: " + string.Join(", ", KnownTags);
        Report(DiagnosticCodes.TemplateUnknownTag, span, $"unknown tag '{name}'", hint);
    }

    private static string JoinTags(string[] tags)
    {
        var parts = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) parts[i] = $"'{tags[i]}'";
        return string.Join(" or ", parts);
    }

    /// <summary>
    /// Parses the body of a block opened by the tag at <paramref name="openSpan"/>, up to one of
    /// <paramref name="endTags"/>; reports an unclosed block at its opening tag.
    /// </summary>
    private IReadOnlyList<Statement> ParseBlockBody(string block, SourceSpan openSpan, string[] endTags, out string? endTag)
    {
        Nest(Previous);
        _openBlocks.Add(new OpenBlock(block, endTags, openSpan));
        var strayTagsBefore = _strayEndTags;
        try
        {
            var body = ParseBody(endTags, out endTag);
            if (endTag is not null) Advance();
            // A stray end tag inside the block was already reported; the missing end is its echo.
            else if (!_lexerFailed && _strayEndTags == strayTagsBefore)
            {
                Report(DiagnosticCodes.TemplateUnexpectedEnd, openSpan,
                    $"unexpected end of template: the '{block}' block is never closed",
                    $"Jinja was looking for: {JoinTags(endTags)}. The innermost block that needs to be closed is '{block}'.");
            }
            return body;
        }
        finally
        {
            _openBlocks.RemoveAt(_openBlocks.Count - 1);
            Leave();
        }
    }

    /// <summary>Expects the <c>%}</c> of an end tag (after its name).</summary>
    private void ExpectEndTagClose()
    {
        if (Current.Kind == TokenKind.Eof) return;
        try
        {
            Expect(TokenKind.BlockEnd, "'%}'");
        }
        catch (ParseAbort)
        {
            SkipTag();
        }
    }
}
