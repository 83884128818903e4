using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Lexing;

/// <summary>
/// Splits a template into data and tag tokens. Whitespace control (<c>{%- -%}</c>) is applied
/// here by shrinking the neighbouring data tokens, so a data token is always a plain source range.
/// Like Jinja with keep_trailing_newline off, one trailing newline of the template is dropped.
/// </summary>
internal sealed partial class Lexer
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly int _end;
    private readonly DiagnosticBag _diagnostics;
    private readonly TokenList _tokens;
    private int _pos;
    private bool _trimNextData;
    private int _braceDepth;

    public Lexer(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
        _end = _text.Length;
        _tokens = RentTokens();
        if (_text.EndsWith("\r\n", StringComparison.Ordinal)) _end -= 2;
        else if (_end > 0 && _text[_end - 1] is '\n' or '\r') _end--;
    }

    /// <summary>True when a lexical error was reported (the parser then avoids follow-on errors).</summary>
    public bool HadErrors { get; private set; }

    /// <summary>
    /// The template's tokens, in a list reused by the next tokenize on this thread: hand it back with
    /// <see cref="Release"/> once read (templates keep syntax nodes, never tokens).
    /// </summary>
    public static TokenList Tokenize(SourceText source, DiagnosticBag diagnostics, out bool hadErrors)
    {
        var lexer = new Lexer(source, diagnostics);
        var tokens = lexer.Run();
        hadErrors = lexer.HadErrors;
        return tokens;
    }

    private TokenList Run()
    {
        while (_pos < _end)
        {
            var tagStart = FindTagStart(_pos);
            var dataEnd = tagStart < 0 ? _end : tagStart;
            var trimRight = tagStart >= 0 && tagStart + 2 < _end && _text[tagStart + 2] == '-';
            EmitData(_pos, dataEnd, trimRight);
            if (tagStart < 0)
            {
                _pos = _end;
                break;
            }
            if (!LexTag(tagStart)) break;
        }
        _tokens.Add(new Token(TokenKind.Eof, _end, 0));
        return _tokens;
    }

    private int FindTagStart(int from)
    {
        var i = from;
        while (true)
        {
            i = _text.IndexOf('{', i, _end - i);
            if (i < 0 || i + 1 >= _end) return -1;
            var next = _text[i + 1];
            if (next is '{' or '%' or '#') return i;
            i++;
        }
    }

    private void EmitData(int start, int end, bool trimRight)
    {
        if (_trimNextData)
        {
            while (start < end && char.IsWhiteSpace(_text[start])) start++;
            _trimNextData = false;
        }
        if (trimRight)
        {
            while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        }
        if (end > start) _tokens.Add(new Token(TokenKind.Data, start, end - start));
    }

    /// <summary>Lexes one tag starting at <paramref name="start"/>; false when lexing cannot go on.</summary>
    private bool LexTag(int start)
    {
        var kind = _text[start + 1];
        var inner = start + 2;
        if (inner < _end && _text[inner] is '-' or '+') inner++;
        if (kind == '#') return LexComment(start, inner);
        if (kind == '%' && TryLexRaw(start, inner)) return true;

        var beginKind = kind == '{' ? TokenKind.VariableBegin : TokenKind.BlockBegin;
        _tokens.Add(new Token(beginKind, start, inner - start));
        _pos = inner;
        _braceDepth = 0;
        var closer = kind == '{' ? '}' : '%';
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _end)
            {
                Report(DiagnosticCodes.TemplateUnclosedTag, start, inner - start,
                    $"unclosed '{_text.Substring(start, 2)}': the template ends before '{closer}}}'",
                    $"close the tag with '{closer}}}'");
                return false;
            }
            // '%}' can never continue an expression, so it ends a block tag even inside braces.
            if ((_braceDepth == 0 || closer == '%') && TryLexTagEnd(closer, beginKind == TokenKind.VariableBegin ? TokenKind.VariableEnd : TokenKind.BlockEnd))
            {
                return true;
            }
            if (!LexToken()) return false;
        }
    }

    private bool TryLexTagEnd(char closer, TokenKind endKind)
    {
        var p = _pos;
        var trim = false;
        if (_text[p] is '-' or '+' && p + 2 < _end && _text[p + 1] == closer && _text[p + 2] == '}')
        {
            trim = _text[p] == '-';
            p++;
        }
        if (p + 1 < _end && _text[p] == closer && _text[p + 1] == '}')
        {
            _tokens.Add(new Token(endKind, _pos, p + 2 - _pos));
            _pos = p + 2;
            _trimNextData = trim;
            return true;
        }
        return false;
    }

    private bool LexComment(int start, int inner)
    {
        var close = _text.IndexOf("#}", inner, _end - inner, StringComparison.Ordinal);
        if (close < 0)
        {
            Report(DiagnosticCodes.TemplateUnclosedComment, start, 2,
                "unclosed comment: '{#' without '#}'", "close the comment with '#}'");
            return false;
        }
        _trimNextData = close > inner && _text[close - 1] == '-';
        _pos = close + 2;
        return true;
    }

    /// <summary><c>{% raw %}…{% endraw %}</c> becomes one data token holding the text between the tags.</summary>
    private bool TryLexRaw(int start, int inner)
    {
        var p = SkipSpaces(inner);
        if (!MatchWord(p, "raw")) return false;
        p = SkipSpaces(p + 3);
        var trimAfterOpen = false;
        if (p < _end && _text[p] == '-') { trimAfterOpen = true; p++; }
        if (!(p + 1 < _end && _text[p] == '%' && _text[p + 1] == '}')) return false;
        var contentStart = p + 2;
        var search = contentStart;
        while (true)
        {
            var tag = _text.IndexOf("{%", search, _end - search, StringComparison.Ordinal);
            if (tag < 0)
            {
                Report(DiagnosticCodes.TemplateUnexpectedEnd, start, contentStart - start,
                    "unexpected end of template: the 'raw' block is never closed",
                    "Jinja was looking for: 'endraw'. The innermost block that needs to be closed is 'raw'.");
                return false;
            }
            var q = tag + 2;
            var trimBeforeClose = q < _end && _text[q] == '-';
            if (q < _end && _text[q] is '-' or '+') q++;
            q = SkipSpaces(q);
            if (MatchWord(q, "endraw"))
            {
                q = SkipSpaces(q + 6);
                var trimAfterClose = q < _end && _text[q] == '-';
                if (trimAfterClose) q++;
                if (q + 1 < _end && _text[q] == '%' && _text[q + 1] == '}')
                {
                    _trimNextData = trimAfterOpen;
                    EmitData(contentStart, tag, trimBeforeClose);
                    _trimNextData = trimAfterClose;
                    _pos = q + 2;
                    return true;
                }
            }
            search = tag + 2;
        }
    }

    private int SkipSpaces(int p)
    {
        while (p < _end && char.IsWhiteSpace(_text[p])) p++;
        return p;
    }

    private bool MatchWord(int p, string word) =>
        p + word.Length <= _end
        && string.CompareOrdinal(_text, p, word, 0, word.Length) == 0
        && (p + word.Length == _end || !IsNameChar(_text[p + word.Length]));

    private void SkipWhitespace() => _pos = SkipSpaces(_pos);

    private void Report(string code, int start, int length, string message, string hint)
    {
        HadErrors = true;
        _diagnostics.Add(Diagnostic.Error(code, message, new SourceSpan(_source, start, length), hint));
    }
}
