using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelForge.Compiler.Project;

// Flow collections on one line: [a, 'b', {k: v}]. Anything fancier (a collection over several
// lines, an empty entry, a trailing comma, "k: v" pairs in a sequence, a ':' inside a plain
// scalar) is left to YamlDotNet, whose flow rules have quirks of their own.
internal sealed partial class YamlFastParser
{
    private void ParseFlowCollection(int indent)
    {
        if (++_depth > MaxDepth) throw Bail();
        var sequence = _text[_pos] == '[';
        var close = sequence ? ']' : '}';
        var open = Mark();
        _pos++;
        _events.Add(sequence
            ? new SequenceStart(NoAnchor, TagName.Empty, true, SequenceStyle.Flow, open, open)
            : new MappingStart(NoAnchor, TagName.Empty, true, MappingStyle.Flow, open, open));
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] != close)
        {
            while (true)
            {
                if (sequence)
                {
                    ParseFlowItem(indent, isKey: false);
                    SkipSpaces();
                    // "[k: v]" is a one-pair mapping inside the sequence.
                    if (_pos < _text.Length && _text[_pos] == ':') throw Bail();
                }
                else
                {
                    ParseFlowItem(indent, isKey: true);
                    SkipSpaces();
                    if (!(_pos + 1 < _text.Length && _text[_pos] == ':' && _text[_pos + 1] == ' ')) throw Bail();
                    _pos++;
                    SkipSpaces();
                    if (_pos >= _text.Length || _text[_pos] is ',' or '}' or '\n' or '\r') throw Bail();
                    ParseFlowItem(indent, isKey: false);
                    SkipSpaces();
                }
                if (_pos >= _text.Length) throw Bail();
                if (_text[_pos] == close) break;
                if (_text[_pos] != ',') throw Bail();
                _pos++;
                SkipSpaces();
                if (_pos >= _text.Length || _text[_pos] is ']' or '}' or ',' or '\n' or '\r') throw Bail();
            }
        }
        if (_pos >= _text.Length) throw Bail();
        var closeMark = Mark();
        _pos++;
        _events.Add(sequence ? new SequenceEnd(closeMark, closeMark) : new MappingEnd(closeMark, closeMark));
        _depth--;
    }

    private void ParseFlowItem(int indent, bool isKey)
    {
        var c = _text[_pos];
        if (c is '[' or '{')
        {
            if (isKey) throw Bail();
            ParseFlowCollection(indent);
            return;
        }
        var scalar = c is '"' or '\'' ? ScanQuoted(indent, single: c == '\'') : ScanFlowPlain();
        if (scalar.Multiline) throw Bail();
        _events.Add(ToEvent(scalar));
    }

    private ScannedScalar ScanFlowPlain()
    {
        var c = _text[_pos];
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(c) && !(c == '-' && _pos + 1 < _text.Length && !" \r\n,[]{}".Contains(_text[_pos + 1])))
            throw Bail();
        var start = Mark();
        var i = _pos;
        var last = -1;
        while (i < _text.Length)
        {
            var ch = _text[i];
            if (ch is '\n' or '\r' or ',' or '[' or ']' or '{' or '}') break;
            if (ch == ':')
            {
                // ": " ends a key; any other ':' follows rules of YamlDotNet's own.
                if (i + 1 < _text.Length && _text[i + 1] == ' ') break;
                throw Bail();
            }
            if (ch == ' ')
            {
                i++;
                continue;
            }
            if (ch == '#' && _text[i - 1] == ' ') break;
            last = i++;
        }
        if (last < 0) throw Bail();
        _pos = last + 1;
        return new ScannedScalar(_pool.Get(_text.AsSpan((int)start.Index, _pos - (int)start.Index)), ScalarStyle.Plain, start, Mark(), false);
    }
}
