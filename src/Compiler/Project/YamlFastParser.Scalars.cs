using YamlDotNet.Core;

namespace ModelForge.Compiler.Project;

// Scalars, folded the way YamlDotNet's scanner folds them: a single line break between two lines
// becomes a space, n breaks become n-1 newlines, and spaces around breaks are dropped.
internal sealed partial class YamlFastParser
{
    private readonly record struct ScannedScalar(string Value, ScalarStyle Style, Mark Start, Mark End, bool Multiline);

    /// <param name="indent">Column of the enclosing block collection: continuation lines must be deeper.</param>
    private ScannedScalar ScanScalar(int indent) => _text[_pos] switch
    {
        '"' => ScanQuoted(indent, single: false),
        '\'' => ScanQuoted(indent, single: true),
        _ => ScanPlain(indent),
    };

    private ScannedScalar ScanPlain(int indent)
    {
        var c = _text[_pos];
        // "-x" and "?x" are plain; a leading ':' is not ours: YamlDotNet skips it after a flow collection.
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(c) && !(c is '-' or '?' && !IsBlankAt(_pos + 1))) throw Bail();
        var start = Mark();
        var multiline = false;
        _buffer.Clear();
        while (true)
        {
            // One line of the scalar: up to ": ", " #" or the line's end; spaces inside are kept.
            var from = _pos;
            var i = _pos;
            var last = -1;
            var stoppedAtIndicator = false;
            while (i < _text.Length)
            {
                var ch = _text[i];
                if (ch is '\n' or '\r') break;
                if (ch == ' ')
                {
                    i++;
                    continue;
                }
                if ((ch == '#' && _text[i - 1] == ' ') || (ch == ':' && IsBlankAt(i + 1)))
                {
                    stoppedAtIndicator = true;
                    break;
                }
                last = i++;
            }
            if (last < 0) throw Bail();
            if (stoppedAtIndicator && multiline && _text[i] == ':') throw Bail();
            _pos = last + 1;
            if (multiline) _buffer.Append(_text, from, _pos - from);
            if (stoppedAtIndicator || i >= _text.Length) break;

            // A following line more indented than the enclosing collection continues the scalar.
            var j = i;
            var breaks = 0;
            var lineStart = 0;
            while (j < _text.Length && _text[j] is ' ' or '\n' or '\r')
            {
                if (_text[j] == '\n')
                {
                    breaks++;
                    lineStart = j + 1;
                }
                j++;
            }
            if (j >= _text.Length || j - lineStart < indent + 1 || _text[j] == '#') break;
            if (!multiline) _buffer.Append(_text, (int)start.Index, _pos - (int)start.Index);
            multiline = true;
            if (breaks == 1) _buffer.Append(' ');
            else _buffer.Append('\n', breaks - 1);
            while (_pos < j)
            {
                if (IsBreakAt(_pos)) NewLine();
                else _pos++;
            }
        }
        var end = Mark();
        var value = multiline ? _buffer.ToString() : _pool.Get(_text.AsSpan((int)start.Index, _pos - (int)start.Index));
        return new ScannedScalar(value, ScalarStyle.Plain, start, end, multiline);
    }

    private ScannedScalar ScanQuoted(int indent, bool single)
    {
        var quote = single ? '\'' : '"';
        var start = Mark();
        _pos++;
        // Most quoted scalars (descriptions) are one line with no escape: the text between the
        // quotes is the value as written, taken whole instead of a character at a time.
        var close = _text.AsSpan(_pos).IndexOfAny(single ? "'\n\r" : "\"\\\n\r");
        if (close >= 0 && _text[_pos + close] == quote && !(single && _pos + close + 1 < _text.Length && _text[_pos + close + 1] == '\''))
        {
            var value = _pool.Get(_text.AsSpan(_pos, close));
            _pos += close + 1;
            return new ScannedScalar(value, single ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted, start, Mark(), false);
        }
        _buffer.Clear();
        var multiline = false;
        var afterBreak = false;
        while (true)
        {
            if (_pos >= _text.Length) throw Bail();
            // YamlDotNet wants a double-quoted scalar's later lines deeper than the collection.
            if (afterBreak && !single && Column <= indent) throw Bail();
            afterBreak = false;
            while (_pos < _text.Length && _text[_pos] is not (' ' or '\n' or '\r'))
            {
                var ch = _text[_pos];
                if (single && ch == '\'')
                {
                    if (_pos + 1 < _text.Length && _text[_pos + 1] == '\'')
                    {
                        _buffer.Append('\'');
                        _pos += 2;
                        continue;
                    }
                    break;
                }
                if (ch == quote) break;
                if (!single && ch == '\\')
                {
                    if (IsBreakAt(_pos + 1))
                    {
                        // An escaped line break joins the lines without a space.
                        _pos++;
                        NewLine();
                        multiline = true;
                        afterBreak = true;
                        break;
                    }
                    AppendEscape();
                    continue;
                }
                _buffer.Append(ch);
                _pos++;
            }
            if (_pos < _text.Length && _text[_pos] == quote)
            {
                _pos++;
                break;
            }
            var spaces = 0;
            var firstBreak = false;
            var breaks = 0;
            while (_pos < _text.Length && _text[_pos] is ' ' or '\n' or '\r')
            {
                if (_text[_pos] == ' ')
                {
                    if (!afterBreak) spaces++;
                    _pos++;
                }
                else
                {
                    if (!afterBreak)
                    {
                        spaces = 0;
                        firstBreak = true;
                        afterBreak = true;
                    }
                    else
                    {
                        breaks++;
                    }
                    NewLine();
                    multiline = true;
                }
            }
            if (afterBreak)
            {
                if (firstBreak && breaks == 0) _buffer.Append(' ');
                else _buffer.Append('\n', breaks);
            }
            else
            {
                _buffer.Append(' ', spaces);
            }
        }
        return new ScannedScalar(_buffer.ToString(), single ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted, start, Mark(), multiline);
    }

    private void AppendEscape()
    {
        if (_pos + 1 >= _text.Length) throw Bail();
        var code = _text[_pos + 1];
        _pos += 2;
        char? simple = code switch
        {
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            't' => '\t',
            'n' => '\n',
            'v' => '\v',
            'f' => '\f',
            'r' => '\r',
            'e' => '\x1B',
            ' ' => ' ',
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'N' => '\x85',
            '_' => '\xA0',
            'L' => '\u2028',
            'P' => '\u2029',
            _ => null,
        };
        if (simple is { } plain)
        {
            _buffer.Append(plain);
            return;
        }
        var length = code switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => throw Bail() };
        if (_pos + length > _text.Length) throw Bail();
        var value = 0;
        for (var k = 0; k < length; k++)
        {
            var digit = HexValue(_text[_pos + k]);
            if (digit < 0) throw Bail();
            value = (value << 4) + digit;
            if (value > 0x10FFFF) throw Bail();
        }
        // Surrogates written as escapes take YamlDotNet's pairing path: not ours.
        if (value is >= 0xD800 and <= 0xDFFF) throw Bail();
        _pos += length;
        _buffer.Append(char.ConvertFromUtf32(value));
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) scalar with automatic indentation.</summary>
    private void ParseBlockScalar(int indent)
    {
        var start = Mark();
        var literal = _text[_pos] == '|';
        _pos++;
        var chomping = 0;
        if (_pos < _text.Length && _text[_pos] is '+' or '-')
        {
            chomping = _text[_pos] == '+' ? 1 : -1;
            _pos++;
        }
        // An explicit indentation indicator, or a comment with no space before it: not ours.
        if (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '#')) throw Bail();
        SkipSpaces();
        SkipComment();
        if (!IsBreakAt(_pos)) throw Bail();
        NewLine();
        var trailing = 0;
        while (IsBreakAt(_pos))
        {
            trailing++;
            NewLine();
        }
        var first = _pos;
        while (first < _text.Length && _text[first] == ' ') first++;
        // Lines of spaces before the first content line, a scalar that is empty or not indented
        // past its collection: YamlDotNet has special rules (and errors) for these.
        var contentIndent = first - _pos;
        if (first >= _text.Length || IsBreakAt(first) || contentIndent < indent + 1 || contentIndent < 1) throw Bail();
        _pos = first;
        _buffer.Clear();
        var leadingBreak = false;
        var leadingBlank = false;
        var end = Mark();
        while (Column == contentIndent && !AtEnd)
        {
            var trailingBlank = _text[_pos] == ' ';
            if (!literal && leadingBreak && !leadingBlank && !trailingBlank)
            {
                if (trailing == 0) _buffer.Append(' ');
            }
            else if (leadingBreak)
            {
                _buffer.Append('\n');
            }
            leadingBreak = false;
            _buffer.Append('\n', trailing);
            trailing = 0;
            leadingBlank = trailingBlank;
            var lineEnd = LineEnd(_pos);
            _buffer.Append(_text, _pos, lineEnd - _pos);
            _pos = lineEnd;
            if (_pos < _text.Length)
            {
                leadingBreak = true;
                NewLine();
            }
            end = Mark();
            while (true)
            {
                while (_pos < _text.Length && Column < contentIndent && _text[_pos] == ' ') _pos++;
                if (!IsBreakAt(_pos)) break;
                trailing++;
                NewLine();
                end = Mark();
            }
        }
        if (chomping != -1 && leadingBreak) _buffer.Append('\n');
        if (chomping == 1) _buffer.Append('\n', trailing);
        var style = literal ? ScalarStyle.Literal : ScalarStyle.Folded;
        _events.Add(ToEvent(new ScannedScalar(_buffer.ToString(), style, start, end, true)));
    }
}
