using System.Globalization;
using System.Text;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Lexing;

// Tokens inside {{ }} and {% %}: names, literals and operators.
internal sealed partial class Lexer
{
    private static bool IsNameStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsNameChar(char c) => c == '_' || char.IsLetterOrDigit(c);

    /// <summary>Lexes one token at <see cref="_pos"/>; false after an error that ends lexing.</summary>
    private bool LexToken()
    {
        var c = _text[_pos];
        if (IsNameStart(c))
        {
            var start = _pos;
            while (_pos < _end && IsNameChar(_text[_pos])) _pos++;
            _tokens.Add(new Token(TokenKind.Name, start, _pos - start, Name(start, _pos - start)));
            return true;
        }
        if (char.IsAsciiDigit(c)) return LexNumber();
        if (c is '\'' or '"') return LexString();
        // The pattern reads the value with GetValueOrDefault, which precompiled code inlines; Nullable.Value over our
        // enum is compiled at run time.
        if (LexOperator(c, out var length) is not { } kind)
        {
            Report(DiagnosticCodes.TemplateBadCharacter, _pos, 1, $"unexpected character '{c}' in a tag",
                "expressions use names, literals and operators; close the tag with '}}' or '%}'");
            return false;
        }
        // Only braces can make '}}' part of an expression ({'a': {'b': 1}}); parentheses never hide a tag end.
        if (kind == TokenKind.LBrace) _braceDepth++;
        else if (kind == TokenKind.RBrace && _braceDepth > 0) _braceDepth--;
        _tokens.Add(new Token(kind, _pos, length));
        _pos += length;
        return true;
    }

    private TokenKind? LexOperator(char c, out int length)
    {
        var next = _pos + 1 < _end ? _text[_pos + 1] : '\0';
        length = 2;
        switch (c)
        {
            case '/' when next == '/': return TokenKind.FloorDiv;
            case '*' when next == '*': return TokenKind.Power;
            case '=' when next == '=': return TokenKind.Eq;
            case '!' when next == '=': return TokenKind.Ne;
            case '<' when next == '=': return TokenKind.Le;
            case '>' when next == '=': return TokenKind.Ge;
        }
        length = 1;
        return c switch
        {
            '+' => TokenKind.Plus,
            '-' => TokenKind.Minus,
            '*' => TokenKind.Star,
            '/' => TokenKind.Slash,
            '%' => TokenKind.Percent,
            '~' => TokenKind.Tilde,
            '(' => TokenKind.LParen,
            ')' => TokenKind.RParen,
            '[' => TokenKind.LBracket,
            ']' => TokenKind.RBracket,
            '{' => TokenKind.LBrace,
            '}' => TokenKind.RBrace,
            ',' => TokenKind.Comma,
            '.' => TokenKind.Dot,
            ':' => TokenKind.Colon,
            '|' => TokenKind.Pipe,
            '=' => TokenKind.Assign,
            '<' => TokenKind.Lt,
            '>' => TokenKind.Gt,
            _ => null,
        };
    }

    private bool LexNumber()
    {
        var start = _pos;
        var isFloat = false;
        SkipDigits();
        // "1.5" is a float; "x.1.name" after a dot is item access, handled by the parser.
        var afterDot = _tokens.Count > 0 && _tokens[^1].Kind == TokenKind.Dot;
        if (!afterDot && _pos + 1 < _end && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            isFloat = true;
            _pos++;
            SkipDigits();
        }
        if (!afterDot && _pos < _end && _text[_pos] is 'e' or 'E')
        {
            var p = _pos + 1;
            if (p < _end && _text[p] is '+' or '-') p++;
            if (p < _end && char.IsAsciiDigit(_text[p]))
            {
                isFloat = true;
                _pos = p;
                SkipDigits();
            }
        }
        var digits = _text.Substring(start, _pos - start).Replace("_", "", StringComparison.Ordinal);
        object value;
        if (!isFloat && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var l)) value = l;
        else value = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        _tokens.Add(new Token(isFloat ? TokenKind.Float : TokenKind.Integer, start, _pos - start, value));
        return true;
    }

    private void SkipDigits()
    {
        while (_pos < _end && (char.IsAsciiDigit(_text[_pos]) || (_text[_pos] == '_' && _pos + 1 < _end && char.IsAsciiDigit(_text[_pos + 1])))) _pos++;
    }

    private bool LexString()
    {
        var start = _pos;
        var quote = _text[_pos++];
        StringBuilder? sb = null;
        var chunkStart = _pos;
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (c == quote)
            {
                string value;
                // Without escapes, shared like names: the same literals ('view', ref and var names) fill thousands of models.
                if (sb is null) value = Name(chunkStart, _pos - chunkStart);
                else value = sb.Append(_text, chunkStart, _pos - chunkStart).ToString();
                _pos++;
                _tokens.Add(new Token(TokenKind.String, start, _pos - start, value));
                return true;
            }
            if (c == '\\' && _pos + 1 < _end)
            {
                sb ??= new StringBuilder();
                sb.Append(_text, chunkStart, _pos - chunkStart);
                _pos += 2;
                AppendEscape(sb, _text[_pos - 1]);
                chunkStart = _pos;
                continue;
            }
            _pos++;
        }
        Report(DiagnosticCodes.TemplateUnclosedString, start, 1, $"unclosed string: the literal starting with {quote} has no closing {quote}",
            $"add the closing {quote}, or escape a quote inside the string with a backslash");
        return false;
    }

    /// <summary>Python's escapes; an unknown escape keeps its backslash, as Python does.</summary>
    private void AppendEscape(StringBuilder sb, char c)
    {
        switch (c)
        {
            case 'n': sb.Append('\n'); break;
            case 't': sb.Append('\t'); break;
            case 'r': sb.Append('\r'); break;
            case '0': sb.Append('\0'); break;
            case 'a': sb.Append('\a'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'v': sb.Append('\v'); break;
            case '\\': sb.Append('\\'); break;
            case '\'': sb.Append('\''); break;
            case '"': sb.Append('"'); break;
            case '\n': break;
            case 'x': AppendHexEscape(sb, 2); break;
            case 'u': AppendHexEscape(sb, 4); break;
            case 'U': AppendHexEscape(sb, 8); break;
            default: sb.Append('\\').Append(c); break;
        }
    }

    private void AppendHexEscape(StringBuilder sb, int digits)
    {
        if (_pos + digits <= _end && int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            // Python accepts a lone surrogate in a literal but cannot write it out as UTF-8; neither can a SQL file.
            if (code is > 0x10FFFF or < 0 || (code is >= 0xD800 and <= 0xDFFF))
            {
                var escape = _text.Substring(_pos - 2, digits + 2);
                Report(DiagnosticCodes.TemplateBadEscape, _pos - 2, digits + 2,
                    code is >= 0xD800 and <= 0xDFFF ? $"the escape {escape} is a lone surrogate, not a character" : $"the escape {escape} is beyond the last Unicode character (\\U0010FFFF)",
                    "write a character between \\u0000 and \\U0010FFFF that is not a surrogate (D800–DFFF)");
                sb.Append('\uFFFD');
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(code));
            }
            _pos += digits;
        }
        else
        {
            sb.Append('\\').Append(_text[_pos - 1]);
        }
    }
}
