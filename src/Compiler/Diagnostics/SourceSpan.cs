namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// A stretch of a project file: 0-based <see cref="Start"/> offset and <see cref="Length"/>.
/// Line and column are 1-based and computed from the source text.
/// </summary>
public readonly record struct SourceSpan(SourceText Source, int Start, int Length)
{
    public string Path => Source.Path;

    public int End => Start + Length;

    public int Line => Source.GetLineColumn(Start).Line;

    public int Column => Source.GetLineColumn(Start).Column;

    public static SourceSpan At(SourceText source, int line, int column, int length = 0) =>
        new(source, source.GetOffset(line, column), length);

    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        new(first.Source, first.Start, Math.Max(first.Length, last.End - first.Start));

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
