using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>Collects rendered text and, when mapping, where each stretch of it came from.</summary>
internal sealed class OutputWriter
{
    // Macro calls each write into their own writer: a few spare builders per thread save
    // allocating (and growing) one per call. Large ones are left to the collector.
    private const int SpareLimit = 8;
    private const int SpareMaxChars = 16 * 1024;
    [ThreadStatic] private static Stack<StringBuilder>? t_spares;

    private readonly StringBuilder _text;
    private readonly SourceMapBuilder? _map;
    // Where this writer's text begins in _text: 0, or where a nested writer (Nested) started writing in place.
    private readonly int _base;
    private readonly bool _nested;

    public OutputWriter(bool withMap, int capacity = 256)
    {
        _text = new StringBuilder(capacity);
        if (withMap) _map = new SourceMapBuilder(Math.Max(16, capacity / 32));
    }

    private OutputWriter(StringBuilder text, SourceMapBuilder? map = null, int start = 0, bool nested = false)
    {
        _text = text;
        _map = map;
        _base = start;
        _nested = nested;
    }

    /// <summary>
    /// A writer without a map that appends to this one's text in place, for a macro whose output this writer
    /// takes as one value (<see cref="EndValue"/>): no builder and string of its own. Never finished nor returned.
    /// </summary>
    public OutputWriter Nested() => new(_text, start: _text.Length, nested: true);

    /// <summary>Where the next character goes, for <see cref="EndValue"/> and <see cref="Truncate"/>.</summary>
    public int End => _text.Length;

    /// <summary>Drops what was written from <paramref name="end"/> on (a nested write that was not wanted).</summary>
    public void Truncate(int end) => _text.Length = end;

    /// <summary>
    /// Takes the text written in place from <paramref name="start"/> (by a <see cref="Nested"/> writer) as a value
    /// produced by the expression at <paramref name="span"/>: checked and mapped as <see cref="WriteValue"/> would.
    /// </summary>
    public void EndValue(int start, SourceSpan span)
    {
        var length = _text.Length - start;
        if (length > 0) Account(start - _base, length, span, data: false);
    }

    // Checks that `length` characters at `at` (counted from this writer's start) stay within the output budget, and maps
    // them to the template text at `span`: every write goes through here.
    private void Account(int at, int length, SourceSpan span, bool data)
    {
        if (at + length > TemplateLimits.MaxOutputChars) throw Evaluator.OutputBudgetExceeded(at + (long)length, span);
        _map?.Add(new SourceMapEntry(at, length, span.Source, span.Start, span.Length, data));
    }

    /// <summary>A writer without a map on a spare builder; give it back with <see cref="Finish"/>.</summary>
    public static OutputWriter Rent() =>
        t_spares is { Count: > 0 } spares ? new OutputWriter(spares.Pop()) : new OutputWriter(withMap: false);

    // A whole render's map is collected in a list kept per thread and copied out at its exact length: sized from
    // the template's length up front, each render's list was mostly empty (12 MB over a 10,000-model compile).
    private const int SpareMapMaxEntries = 4096;
    [ThreadStatic] private static SourceMapBuilder? t_spareMap;

    /// <summary>A writer with a map (a whole template's render) on a spare builder; take the map with <see cref="TakeMap"/>, then <see cref="Finish"/>.</summary>
    public static OutputWriter RentMapped(int capacity)
    {
        var map = t_spareMap ?? new SourceMapBuilder(64);
        t_spareMap = null;
        return t_spares is { Count: > 0 } spares ? new OutputWriter(spares.Pop(), map) : new OutputWriter(new StringBuilder(capacity), map);
    }

    /// <summary>The map written, as an array of its own; a rented map's list is kept for the thread's next render. Once per writer.</summary>
    public SourceMapEntry[] TakeMap()
    {
        if (_map is null) return [];
        var entries = _map.ToArray();
        if (_map.Capacity <= SpareMapMaxEntries)
        {
            _map.Clear();
            t_spareMap = _map;
        }
        return entries;
    }

    /// <summary>The text written; the writer must not be used afterwards (its builder is reused).</summary>
    public string Finish()
    {
        var text = _text.ToString();
        Return();
        return text;
    }

    /// <summary>Gives the builder back without reading it (the output was not wanted); the writer must not be used afterwards.</summary>
    public void Return()
    {
        if (_nested) throw new InvalidOperationException("a nested writer's text belongs to the writer it was made from");
        // The map (if any) goes back by TakeMap: its copy goes on with the result.
        if (_text.Capacity > SpareMaxChars) return;
        var spares = t_spares ??= new Stack<StringBuilder>(SpareLimit);
        if (spares.Count >= SpareLimit) return;
        _text.Clear();
        spares.Push(_text);
    }

    /// <summary>Template data, copied from the source.</summary>
    public void WriteData(SourceSpan span)
    {
        Account(_text.Length - _base, span.Length, span, data: true);
        _text.Append(span.Source.Text, span.Start, span.Length);
    }

    /// <summary>The text of a value, produced by the expression at <paramref name="span"/>.</summary>
    public void WriteValue(string text, SourceSpan span)
    {
        if (text.Length == 0) return;
        Account(_text.Length - _base, text.Length, span, data: false);
        _text.Append(text);
    }

    /// <summary>As <see cref="WriteValue"/> of the value's text, appended by the value itself.</summary>
    public void WriteValue(IOutputText value, SourceSpan span)
    {
        var start = _text.Length;
        value.AppendTo(_text);
        try
        {
            EndValue(start, span);
        }
        catch (DiagnosticException)
        {
            // Past the budget: the text leaves as it came, as a string value that does not fit is never appended.
            _text.Length = start;
            throw;
        }
    }

    public override string ToString() => _text.ToString();
}
