using System.Text;
using ModelForge.Compiler.Diagnostics;

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
    private readonly List<SourceMapEntry>? _map;

    public OutputWriter(bool withMap, int capacity = 256)
    {
        _text = new StringBuilder(capacity);
        if (withMap) _map = new List<SourceMapEntry>(Math.Max(16, capacity / 32));
    }

    private OutputWriter(StringBuilder text, List<SourceMapEntry>? map = null)
    {
        _text = text;
        _map = map;
    }

    /// <summary>A writer without a map on a spare builder; give it back with <see cref="Finish"/>.</summary>
    public static OutputWriter Rent() =>
        t_spares is { Count: > 0 } spares ? new OutputWriter(spares.Pop()) : new OutputWriter(withMap: false);

    // A whole render's map is collected in a list kept per thread and copied out at its exact length: sized from
    // the template's length up front, each render's list was mostly empty (12 MB over a 10,000-model compile).
    private const int SpareMapMaxEntries = 4096;
    [ThreadStatic] private static List<SourceMapEntry>? t_spareMap;

    /// <summary>A writer with a map (a whole template's render) on a spare builder; take the map with <see cref="TakeMap"/>, then <see cref="Finish"/>.</summary>
    public static OutputWriter RentMapped(int capacity)
    {
        var map = t_spareMap ?? new List<SourceMapEntry>(64);
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
        // The map (if any) goes back by TakeMap: its copy goes on with the result.
        if (_text.Capacity > SpareMaxChars) return;
        var spares = t_spares ??= new Stack<StringBuilder>(SpareLimit);
        if (spares.Count >= SpareLimit) return;
        _text.Clear();
        spares.Push(_text);
    }

    public int Length => _text.Length;

    /// <summary>Template data, copied from the source.</summary>
    public void WriteData(SourceSpan span)
    {
        if (_text.Length + span.Length > TemplateLimits.MaxOutputChars) throw Evaluator.OutputBudgetExceeded(_text.Length + (long)span.Length, span);
        _map?.Add(new SourceMapEntry(_text.Length, span.Length, span.Source, span.Start, span.Length, true));
        _text.Append(span.Source.Text, span.Start, span.Length);
    }

    /// <summary>The text of a value, produced by the expression at <paramref name="span"/>.</summary>
    public void WriteValue(string text, SourceSpan span)
    {
        if (text.Length == 0) return;
        if (_text.Length + text.Length > TemplateLimits.MaxOutputChars) throw Evaluator.OutputBudgetExceeded(_text.Length + (long)text.Length, span);
        _map?.Add(new SourceMapEntry(_text.Length, text.Length, span.Source, span.Start, span.Length, false));
        _text.Append(text);
    }

    public override string ToString() => _text.ToString();
}
