using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Evaluation;

namespace ModelForge.Compiler.Templating;

/// <summary>
/// Maps offsets in rendered text back to the template: literal template text maps character for
/// character, an expression's output maps to the expression. Used to report a SQL error found in
/// compiled SQL at the model's own line and column.
/// </summary>
public sealed class SourceMap
{
    private readonly IReadOnlyList<SourceMapEntry> _entries;

    internal SourceMap(IReadOnlyList<SourceMapEntry> entries)
    {
        _entries = entries;
    }

    /// <summary>The template position that produced <paramref name="outputOffset"/>, or null if unknown.</summary>
    public SourceSpan? Find(int outputOffset)
    {
        var low = 0;
        var high = _entries.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var entry = _entries[mid];
            if (outputOffset < entry.OutputStart) high = mid - 1;
            else if (outputOffset >= entry.OutputStart + entry.OutputLength) low = mid + 1;
            else if (entry.Literal) return new SourceSpan(entry.Source, entry.TemplateStart + (outputOffset - entry.OutputStart), 1);
            else return new SourceSpan(entry.Source, entry.TemplateStart, entry.TemplateLength);
        }
        return null;
    }
}
