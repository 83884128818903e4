using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation.Ephemeral;

/// <summary>
/// A model's SQL with its ephemeral models inlined as CTEs, and where each stretch came from: an
/// offset in the text maps back to the model's template or to the ephemeral model's own.
/// </summary>
internal sealed class InlinedSql
{
    private readonly List<Segment> _segments;

    private InlinedSql(string text, List<Segment> segments, RenderResult body)
    {
        Text = Context.DerivedTableAliases.BlankWhereAliased(text);
        _segments = segments;
        Body = body;
    }

    public string Text { get; }

    /// <summary>The model's own render.</summary>
    public RenderResult Body { get; }

    /// <summary>The template position that produced <paramref name="offset"/> of <see cref="Text"/>, or null.</summary>
    public SourceSpan? Find(int offset)
    {
        foreach (var segment in _segments)
        {
            if (offset >= segment.OutputStart && offset < segment.OutputStart + segment.Length)
                return segment.Source.Map.Find(segment.SourceStart + offset - segment.OutputStart);
        }
        return null;
    }

    public static InlinedSql Of(RenderResult body) => new(body.Text, [new Segment(0, body.Text.Length, body, 0)], body);

    public sealed class Builder(RenderResult body)
    {
        private readonly StringBuilder _text = new();
        private readonly List<Segment> _segments = [];

        public Builder Append(string literal)
        {
            _text.Append(literal);
            return this;
        }

        public Builder Append(RenderResult source, int start, int length)
        {
            _segments.Add(new Segment(_text.Length, length, source, start));
            _text.Append(source.Text, start, length);
            return this;
        }

        public InlinedSql Build() => new(_text.ToString(), _segments, body);
    }

    private readonly record struct Segment(int OutputStart, int Length, RenderResult Source, int SourceStart);
}
