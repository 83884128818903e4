using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Seeds;

/// <summary>
/// A parsed CSV file: the header and a rectangular grid of fields that point into the source text.
/// Values stay in the source until asked for, so a file is held in memory once.
/// </summary>
internal sealed class CsvTable
{
    private readonly CsvField[] _fields;

    internal CsvTable(SourceText source, CsvField[] header, string[] names, CsvField[] fields, int rowCount)
    {
        Source = source;
        HeaderFields = header;
        ColumnNames = names;
        _fields = fields;
        RowCount = rowCount;
    }

    public SourceText Source { get; }

    public IReadOnlyList<string> ColumnNames { get; }

    public IReadOnlyList<CsvField> HeaderFields { get; }

    public int ColumnCount => HeaderFields.Count;

    public int RowCount { get; }

    /// <summary>The field of a 0-based data row (header excluded) and column.</summary>
    public ref readonly CsvField Field(int row, int column) => ref _fields[row * ColumnCount + column];

    /// <summary>The content as written: without enclosing quotes, doubled quotes not collapsed.</summary>
    public ReadOnlySpan<char> Raw(in CsvField field) => Source.Text.AsSpan(field.Start, field.Length);

    /// <summary>The value with doubled quotes collapsed.</summary>
    public string Text(in CsvField field)
    {
        var raw = Raw(field);
        return field.Escaped ? raw.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : raw.ToString();
    }

    /// <summary>Length of the value once doubled quotes are collapsed.</summary>
    public int TextLength(in CsvField field)
    {
        if (!field.Escaped) return field.Length;
        return field.Length - Raw(field).Count('"') / 2;
    }

    public SourceSpan Span(in CsvField field) => new(Source, field.RawStart, field.RawLength);

    /// <summary>The whole header line, for errors about the columns as a whole.</summary>
    public SourceSpan HeaderSpan => HeaderFields.Count == 0
        ? new SourceSpan(Source, 0, 0)
        : SourceSpan.Cover(Span(HeaderFields[0]), Span(HeaderFields[^1]));
}
