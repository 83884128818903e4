using System.Text;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>Collects rendered text and, when mapping, where each stretch of it came from.</summary>
internal sealed class OutputWriter
{
    private readonly StringBuilder _text;
    private readonly List<SourceMapEntry>? _map;

    public OutputWriter(bool withMap, int capacity = 256)
    {
        _text = new StringBuilder(capacity);
        if (withMap) _map = new List<SourceMapEntry>(Math.Max(16, capacity / 32));
    }

    public int Length => _text.Length;

    public IReadOnlyList<SourceMapEntry> Map => _map ?? (IReadOnlyList<SourceMapEntry>)[];

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
