using System.Text;
namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Prints diagnostics in the one shape editors and CI annotate:
/// <code>
/// models/orders.sql:12:18: error MF3001: unknown ref 'stg_orderz'
///    12 | select * from {{ ref('stg_orderz') }}
///       |                  ^^^^^^^^^^^^^^^^^^^
///   hint: did you mean 'stg_orders' (models/staging/stg_orders.sql)?
/// </code>
/// </summary>
public static class DiagnosticPrinter
{
    /// <summary>One diagnostic: head line, the source line with a caret, macro frames, detail, hint.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var text = new StringBuilder();
        text.Append(diagnostic.ToString()).Append('\n');
        if (diagnostic.Span is { } span) AppendExcerpt(text, span);
        foreach (var frame in diagnostic.Frames)
            text.Append("  in ").Append(frame.Description).Append(" called at ").Append(frame.Span.ToString()).Append('\n');
        if (!string.IsNullOrEmpty(diagnostic.Detail))
        {
            foreach (var line in diagnostic.Detail.Split('\n'))
                text.Append("  ").Append(line.TrimEnd('\r')).Append('\n');
        }
        if (!string.IsNullOrEmpty(diagnostic.Hint)) text.Append("  hint: ").Append(diagnostic.Hint).Append('\n');
        return text.ToString();
    }

    public static void Print(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) output.Write(Format(diagnostic));
    }

    /// <summary>Several diagnostics, each in the shape of <see cref="Format(Diagnostic)"/>.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics) => string.Concat(diagnostics.Select(Format));

    private static void AppendExcerpt(StringBuilder text, SourceSpan span)
    {
        var (line, column) = span.Source.GetLineColumn(span.Start);
        var source = span.Source.GetLine(line);
        if (source.Length == 0 && span.Source.Text.Length == 0) return;
        var gutter = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);
        text.Append("  ").Append(gutter).Append(" | ").Append(source.Replace('\t', ' ')).Append('\n');
        var lineLength = source.Length - (column - 1);
        var width = Math.Clamp(span.Length, 1, Math.Max(1, lineLength));
        text.Append("  ").Append(pad).Append(" | ").Append(' ', Math.Max(0, column - 1)).Append('^', width).Append('\n');
    }
}
