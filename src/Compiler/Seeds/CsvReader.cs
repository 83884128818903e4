using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Seeds;

/// <summary>
/// RFC 4180 CSV with the usual liberties: any one-character delimiter, LF or CRLF line ends (a lone
/// CR also ends a row), fields in double quotes may hold delimiters, line breaks and doubled quotes.
/// The first row is the header. Blank lines are skipped rather than read as rows of empty values.
/// A quote inside an unquoted field is kept as text, as Python's csv module does.
/// </summary>
internal sealed class CsvReader
{
    /// <summary>Errors reported per file before the reader gives up listing them.</summary>
    public const int MaxErrors = 20;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly char _delimiter;
    private readonly DiagnosticBag _diagnostics;
    private CsvField[] _fields = new CsvField[256];
    private int _count;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _errors;

    private CsvReader(SourceText source, char delimiter, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _delimiter = delimiter;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Reads a whole file. Returns null when it has errors (all reported, up to <see cref="MaxErrors"/>).
    /// A leading UTF-8 byte order mark is skipped; positions are then those of the text without it.
    /// </summary>
    public static CsvTable? Read(SourceText source, char delimiter, DiagnosticBag diagnostics)
    {
        if (source.Text.Length > 0 && source.Text[0] == '\uFEFF') source = new SourceText(source.Path, source.Text[1..]);
        var reader = new CsvReader(source, delimiter, diagnostics);
        return reader.ReadTable();
    }

    private CsvTable? ReadTable()
    {
        // Rough size guess so that big files do not regrow the field array many times.
        if (_text.Length > 4096) _fields = new CsvField[_text.Length / 6];

        SkipBlankLines();
        if (_pos >= _text.Length)
        {
            _diagnostics.Add(DiagnosticCodes.Seeds.EmptyFile(_source));
            return null;
        }

        ReadRecord();
        var header = _fields.AsSpan(0, _count).ToArray();
        var names = CheckHeader(header);
        _count = 0;

        var rows = 0;
        while (true)
        {
            SkipBlankLines();
            if (_pos >= _text.Length) break;
            var first = _count;
            var ok = ReadRecord();
            var fields = _count - first;
            if (ok && fields != header.Length)
            {
                ok = false;
                Report(DiagnosticCodes.Seeds.RaggedRow(RaggedSpan(first, header.Length), fields, header.Length, _delimiter));
            }
            // Rows with errors are dropped so the grid stays rectangular; the file is rejected anyway.
            if (ok) rows++;
            else _count = first;
        }

        if (_errors > 0 || names is null) return null;
        return new CsvTable(_source, header, names, _fields, rows);
    }

    private string[]? CheckHeader(CsvField[] header)
    {
        var names = new string[header.Length];
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        for (var i = 0; i < header.Length; i++)
        {
            var field = header[i];
            var name = _text.Substring(field.Start, field.Length);
            if (field.Escaped) name = name.Replace("\"\"", "\"", StringComparison.Ordinal);
            names[i] = name;
            if (name.Length == 0)
            {
                ok = false;
                Report(DiagnosticCodes.Seeds.EmptyHeaderName(SpanOf(field), i + 1));
            }
            else if (!seen.TryAdd(name, i))
            {
                ok = false;
                Report(DiagnosticCodes.Seeds.DuplicateHeaderName(SpanOf(field), name, SpanOf(header[seen[name]])));
            }
        }
        return ok ? names : null;
    }

    /// <summary>Reads one row up to and including its line end. Returns false after reporting an error in it.</summary>
    private bool ReadRecord()
    {
        var ok = true;
        var text = _text.AsSpan();
        while (true)
        {
            var start = _pos;
            var line = _line;
            var column = start - _lineStart + 1;
            if (start < text.Length && text[start] == '"')
            {
                if (!ReadQuoted(start, line, column)) ok = false;
            }
            else
            {
                var length = text[start..].IndexOfAny(_delimiter, '\n', '\r');
                var end = length < 0 ? text.Length : start + length;
                Add(new CsvField(start, end - start, line, column, quoted: false, escaped: false));
                _pos = end;
            }

            if (_pos >= text.Length) return ok;
            var c = text[_pos];
            _pos++;
            if (c == _delimiter) continue;
            if (c == '\r' && _pos < text.Length && text[_pos] == '\n') _pos++;
            if (text[_pos - 1] == '\n') NewLine(_pos);
            return ok;
        }
    }

    /// <summary>A quoted field from its opening quote; leaves the position on what follows it.</summary>
    private bool ReadQuoted(int start, int line, int column)
    {
        var text = _text.AsSpan();
        var pos = start + 1;
        var escaped = false;
        while (true)
        {
            var offset = text[pos..].IndexOfAny('"', '\n');
            if (offset < 0)
            {
                Report(DiagnosticCodes.Seeds.UnterminatedQuote(new SourceSpan(_source, start, 1)));
                _pos = text.Length;
                return false;
            }
            pos += offset;
            if (text[pos] == '\n')
            {
                pos++;
                NewLine(pos);
                continue;
            }
            if (pos + 1 < text.Length && text[pos + 1] == '"')
            {
                escaped = true;
                pos += 2;
                continue;
            }
            break;
        }

        Add(new CsvField(start + 1, pos - start - 1, line, column, quoted: true, escaped));
        _pos = pos + 1;
        if (_pos >= text.Length) return true;
        var next = text[_pos];
        if (next == _delimiter || next == '\n' || next == '\r') return true;

        // Skip the stray text up to the field's end so the rest of the row still parses.
        var rest = text[_pos..].IndexOfAny(_delimiter, '\n', '\r');
        var end = rest < 0 ? text.Length : _pos + rest;
        Report(DiagnosticCodes.Seeds.TextAfterQuote(new SourceSpan(_source, _pos, end - _pos), _delimiter));
        _pos = end;
        return false;
    }

    private void SkipBlankLines()
    {
        var text = _text;
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '\n') NewLine(++_pos);
            else if (c == '\r') _pos++;
            else return;
        }
    }

    // Lines are counted at '\n' only, as SourceText does, so reported positions agree with it.
    private void NewLine(int lineStart)
    {
        _line++;
        _lineStart = lineStart;
    }

    private void Add(in CsvField field)
    {
        if (_count == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
        _fields[_count++] = field;
    }

    private SourceSpan SpanOf(in CsvField field) => new(_source, field.RawStart, field.RawLength);

    // Too many fields: point at the first one too many. Too few: point just past the last one.
    private SourceSpan RaggedSpan(int first, int expected)
    {
        var fields = _count - first;
        if (fields > expected) return SpanOf(_fields[first + expected]);
        var last = _fields[_count - 1];
        return new SourceSpan(_source, last.RawStart + last.RawLength, 0);
    }

    private void Report(Diagnostic diagnostic)
    {
        _errors++;
        if (_errors <= MaxErrors) _diagnostics.Add(diagnostic);
        else if (_errors == MaxErrors + 1) _diagnostics.Add(DiagnosticCodes.Seeds.TooManyErrors(_source.Path, MaxErrors));
    }
}
