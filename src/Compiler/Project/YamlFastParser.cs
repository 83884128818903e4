using System.Text;
using ModelForge.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Reads the block-style YAML that project and schema files are made of (block mappings and
/// sequences, plain and quoted scalars, comments, literal and folded block scalars, one-line flow
/// collections) straight into the events YamlDotNet's <see cref="Parser"/> would produce, with the
/// same values, styles and marks, at a fraction of its cost. It only accepts what it is sure of:
/// anchors, aliases, tags, directives, document markers, tabs, lone carriage returns, odd indentation and
/// anything malformed make <see cref="TryParse"/> return false, and the caller reads the text with
/// YamlDotNet, which reports the error at its own position.
/// </summary>
internal sealed partial class YamlFastParser
{
    /// <summary>Nesting the fast path accepts; deeper documents go through <see cref="YamlPreflight"/>.</summary>
    internal const int MaxDepth = 100;

    /// <summary>YamlDotNet's limit for an implicit key (it stops looking for the ':' after 1024 characters).</summary>
    private const int MaxKeyLength = 1000;

    private readonly string _text;
    private readonly List<ParsingEvent> _events;
    private readonly StringBuilder _buffer = new();
    private readonly StringPool _pool = ScalarsForThread;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    // Schema YAML repeats its keys, test and column names and refs file after file; files are read in parallel.
    [ThreadStatic] private static StringPool? t_scalars;

    /// <summary>The calling thread's table of scalars up to 64 characters, shared by the files it parses.</summary>
    internal static StringPool ScalarsForThread => t_scalars ??= new StringPool(maxLength: 64, maxEntries: 16_384);

    private YamlFastParser(string text)
    {
        _text = text;
        // About one event per 12 characters in schema files: the list grows at most once or twice.
        _events = new List<ParsingEvent>(16 + text.Length / 12);
    }

    /// <summary>The events of the document, or false when the text needs YamlDotNet's parser.</summary>
    public static bool TryParse(string text, out List<ParsingEvent> events)
    {
        events = [];
        // A last line of spaces with no line break after it sends YamlDotNet's scanner down paths
        // (stale keys at the end of the stream) that can fail where the text before it read fine.
        if (!HasOnlySimpleCharacters(text) || EndsInSpaces(text)) return false;
        var parser = new YamlFastParser(text);
        try
        {
            parser.ParseStream();
        }
        catch (NotSimple)
        {
            return false;
        }
        events = parser._events;
        return true;
    }

    /// <summary>Thrown (one shared instance) when the text leaves the subset; caught only by <see cref="TryParse"/>.</summary>
    private sealed class NotSimple : Exception
    {
        public static readonly NotSimple Instance = new();
    }

    private static Exception Bail() => NotSimple.Instance;

    /// <summary>
    /// Characters the subset never has to think about: no tab, no control character (a carriage
    /// return only before a line feed), no special line-break characters, no lone surrogate, and no
    /// line that starts a document marker or directive.
    /// </summary>
    private static bool HasOnlySimpleCharacters(string text)
    {
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20)
            {
                // A carriage return only as half of "\r\n", which YamlDotNet reads as one break.
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
                if (c != '\n') return false;
                lineStart = true;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A character past U+FFFF (an emoji in a description): two UTF-16 units, as YamlDotNet counts them.
                i++;
                lineStart = false;
                continue;
            }
            if (c >= 0x7F && (c <= 0x9F || c is >= '\uD800' and <= '\uDFFF' || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'))
                return false;
            if (lineStart && (c == '%' || ((c == '-' || c == '.') && i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c)))
                return false;
            lineStart = false;
        }
        return true;
    }

    private static bool EndsInSpaces(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && text[i] == ' ') i--;
        return i < text.Length - 1 && (i < 0 || text[i] == '\n');
    }

    private void ParseStream()
    {
        var origin = new Mark(0, 1, 1);
        _events.Add(new StreamStart(origin, origin));
        SkipToToken();
        if (AtEnd)
        {
            var end = EndMark();
            _events.Add(new StreamEnd(end, end));
            return;
        }
        var documentAt = _events.Count;
        _events.Add(null!);
        ParseNode(-1, Place.Top);
        // An implicit document starts with its first token: the marks of the first node's event.
        var first = _events[documentAt + 1];
        _events[documentAt] = new DocumentStart(null, null, true, first.Start, first.End);
        SkipToToken();
        if (!AtEnd) throw Bail();
        var stop = EndMark();
        _events.Add(new DocumentEnd(true, stop, stop));
        _events.Add(new StreamEnd(stop, stop));
    }

    // YamlDotNet's implicit documents carry the two default tag handles, which nothing reads back
    // when building nodes. They are left out: the first TagDirective compiles a regex with
    // Reflection.Emit, tens of milliseconds of a cold start spent before the project file is read.
    // For the same reason the events take `default` rather than AnchorName.Empty, whose first read
    // runs AnchorName's static constructor and compiles another.
    private static AnchorName NoAnchor => default;

    /// <summary>Where a node stands, which decides what it may be.</summary>
    private enum Place
    {
        /// <summary>The document's root.</summary>
        Top,
        /// <summary>After "key: " on the key's line: a scalar, a block scalar or a flow collection.</summary>
        SameLineValue,
        /// <summary>On a line of its own, more indented than its key or its '-'.</summary>
        NextLine,
        /// <summary>After "- " on the entry's line: a compact mapping or sequence is allowed.</summary>
        SameLineEntry,
    }

    /// <param name="indent">Column (0-based) of the enclosing block collection, -1 at the root.</param>
    private void ParseNode(int indent, Place place)
    {
        if (++_depth > MaxDepth) throw Bail();
        var c = _text[_pos];
        switch (c)
        {
            case '-' when IsBlankAt(_pos + 1):
                if (place == Place.SameLineValue) throw Bail();
                ParseBlockSequence(Column, indentless: false);
                break;
            case '|' or '>':
                ParseBlockScalar(indent);
                break;
            case '[' or '{':
                ParseFlowCollection(indent);
                ExpectLineEnd();
                break;
            case '"' or '\'':
            default:
                var scalar = ScanScalar(indent);
                var afterScalar = _pos;
                SkipSpaces();
                if (IsValueIndicator())
                {
                    if (place == Place.SameLineValue || scalar.Multiline) throw Bail();
                    ParseBlockMapping(scalar);
                }
                else
                {
                    _pos = afterScalar;
                    ExpectLineEnd();
                    _events.Add(ToEvent(scalar));
                }
                break;
        }
        _depth--;
    }

    private void ParseBlockMapping(ScannedScalar firstKey)
    {
        var column = (int)firstKey.Start.Column - 1;
        _events.Add(new MappingStart(NoAnchor, TagName.Empty, true, MappingStyle.Block, firstKey.Start, firstKey.Start));
        var key = firstKey;
        while (true)
        {
            if (key.End.Index - key.Start.Index > MaxKeyLength) throw Bail();
            _events.Add(ToEvent(key));
            // At the ':' of the key.
            _pos++;
            var afterColon = Mark();
            SkipSpaces();
            SkipComment();
            if (!AtLineEnd)
            {
                ParseNode(column, Place.SameLineValue);
            }
            else
            {
                SkipToToken();
                if (AtEnd || Column < column || (Column == column && !IsEntryIndicator()))
                    AddEmptyScalar(afterColon);
                else if (Column == column)
                    ParseBlockSequence(column, indentless: true);
                else
                    ParseNode(column, Place.NextLine);
            }
            SkipToToken();
            if (AtEnd || Column < column)
            {
                var end = TokenMark(column);
                _events.Add(new MappingEnd(end, end));
                return;
            }
            if (Column > column || IsEntryIndicator() || _text[_pos] is '[' or '{' or '|' or '>' or '-' or '?' or ':' or ',' or ']' or '}')
                throw Bail();
            key = ScanScalar(column);
            SkipSpaces();
            if (key.Multiline || !IsValueIndicator()) throw Bail();
        }
    }

    private void ParseBlockSequence(int column, bool indentless)
    {
        var dash = Mark();
        // A nested sequence has its own BLOCK-SEQUENCE-START token (one mark); an indentless one
        // starts at its first '-' entry token, which ends after the dash.
        _events.Add(new SequenceStart(NoAnchor, TagName.Empty, true, SequenceStyle.Block, dash, indentless ? Advance(dash, 1) : dash));
        while (true)
        {
            _pos++;
            var afterDash = Mark();
            SkipSpaces();
            SkipComment();
            if (!AtLineEnd)
            {
                ParseNode(column, Place.SameLineEntry);
            }
            else
            {
                SkipToToken();
                if (AtEnd || Column < column || (Column == column && (indentless || IsEntryIndicator())))
                {
                    AddEmptyScalar(afterDash);
                }
                else if (Column == column)
                {
                    throw Bail();
                }
                else
                {
                    ParseNode(column, Place.NextLine);
                }
            }
            SkipToToken();
            if (AtEnd || Column < column || (Column == column && !IsEntryIndicator()))
            {
                if (!AtEnd && Column == column && !indentless) throw Bail();
                var end = TokenMark(column);
                _events.Add(new SequenceEnd(end, end));
                return;
            }
            if (Column > column) throw Bail();
        }
    }

    /// <summary>
    /// After a scalar or flow collection only a comment may follow on its line: a quoted scalar that
    /// closes mid-line with more text after it is an error to YamlDotNet (no key may start there).
    /// </summary>
    private void ExpectLineEnd()
    {
        var at = _pos;
        SkipSpaces();
        var ok = AtLineEnd || (_text[_pos] == '#' && _pos > at);
        _pos = at;
        if (!ok) throw Bail();
    }

    private void AddEmptyScalar(Mark at) =>
        _events.Add(new Scalar(NoAnchor, TagName.Empty, string.Empty, ScalarStyle.Plain, true, false, at, at));

    /// <remarks>
    /// Keys are not flagged as keys: YamlDotNet's parser does, and then interns the key's text
    /// (string.IsInterned, a global table lookup that cost more than the rest of the event); the
    /// flag only serves its deserializer, never the node tree built from the events.
    /// </remarks>
    private static Scalar ToEvent(ScannedScalar s) =>
        new(NoAnchor, TagName.Empty, s.Value, s.Style, s.Style == ScalarStyle.Plain, s.Style != ScalarStyle.Plain, s.Start, s.End);

    /// <summary>Skips spaces, line breaks and comments up to the next token.</summary>
    private void SkipToToken()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ' ')
            {
                _pos++;
            }
            else if (c is '\n' or '\r')
            {
                NewLine();
            }
            else if (c == '#' && (_pos == _lineStart || _text[_pos - 1] == ' '))
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
    }

    /// <summary>A '#' after a space (or at the start of a line) comments out the rest of the line.</summary>
    private void SkipComment()
    {
        if (_pos >= _text.Length || _text[_pos] != '#' || (_pos > _lineStart && _text[_pos - 1] != ' ')) return;
        _pos = LineEnd(_pos);
    }

    /// <summary>Steps over the line break at the position ("\n" or "\r\n").</summary>
    private void NewLine()
    {
        _pos += _text[_pos] == '\r' ? 2 : 1;
        _line++;
        _lineStart = _pos;
    }

    private bool AtEnd => _pos >= _text.Length;

    private bool AtLineEnd => _pos >= _text.Length || _text[_pos] is '\n' or '\r';

    private int Column => _pos - _lineStart;

    private bool IsBlankAt(int i) => i >= _text.Length || _text[i] is ' ' or '\n' or '\r';

    // A '\r' always starts "\r\n": HasOnlySimpleCharacters refuses a lone one.
    private bool IsBreakAt(int i) => i < _text.Length && _text[i] is '\n' or '\r';

    /// <summary>Where the line holding <paramref name="from"/> ends: its break, or the end of the text.</summary>
    private int LineEnd(int from)
    {
        var end = _text.IndexOf('\n', from);
        if (end < 0) return _text.Length;
        return end > from && _text[end - 1] == '\r' ? end - 1 : end;
    }

    private bool IsEntryIndicator() => _pos < _text.Length && _text[_pos] == '-' && IsBlankAt(_pos + 1);

    private bool IsValueIndicator() => _pos < _text.Length && _text[_pos] == ':' && IsBlankAt(_pos + 1);

    private Mark Mark() => new(_pos, _line, _pos - _lineStart + 1);

    private static Mark Advance(Mark mark, int by) => new(mark.Index + by, mark.Line, mark.Column + by);

    /// <summary>
    /// Where a collection at <paramref name="column"/> ends: where the next token starts. At the end
    /// of the text YamlDotNet first closes the collections deeper than the last line's trailing
    /// spaces there, then moves to a new line and closes the rest.
    /// </summary>
    private Mark TokenMark(int column) => AtEnd && column <= Column ? EndMark() : Mark();

    private Mark EndMark() => new(_text.Length, _pos == _lineStart ? _line : _line + 1, 1);
}
