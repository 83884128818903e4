namespace ModelForge.Compiler.Seeds;

/// <summary>
/// One field of a CSV file: where its content is in the source text and where it starts for the
/// user. <see cref="Line"/> and <see cref="Column"/> are 1-based and point at the field's first
/// character (the opening quote of a quoted field).
/// </summary>
internal readonly struct CsvField(int start, int length, int line, int column, bool quoted, bool escaped)
{
    /// <summary>0-based offset of the content (after an opening quote).</summary>
    public int Start { get; } = start;

    /// <summary>Length of the content in the source, quotes excluded, doubled quotes not yet collapsed.</summary>
    public int Length { get; } = length;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public bool Quoted { get; } = quoted;

    /// <summary>The content holds doubled quotes ("") that stand for one quote each.</summary>
    public bool Escaped { get; } = escaped;

    /// <summary>Offset of the field as written, opening quote included.</summary>
    public int RawStart => Quoted ? Start - 1 : Start;

    public int RawLength => Quoted ? Length + 2 : Length;
}
