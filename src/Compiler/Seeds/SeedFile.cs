using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Seeds;

/// <summary>
/// A seed ready to load: its columns with SQL types and every row as typed .NET values (null,
/// bool, long, decimal, double, DateOnly, DateTime or string; a DECIMAL wider than System.Decimal's
/// 28 digits, and any value of a column_types type forge does not know, stays text for the
/// database to cast). Built only when every value of every row converts, so a load never starts
/// on a file that would fail half-way.
/// </summary>
internal sealed class SeedFile
{
    private SeedFile(SourceText source, IReadOnlyList<SeedColumn> columns, IReadOnlyList<object?[]> rows, SourceSpan headerSpan)
    {
        Source = source;
        Columns = columns;
        Rows = rows;
        HeaderSpan = headerSpan;
    }

    /// <summary>The CSV text (without a byte order mark); its path is the seed's path in the project.</summary>
    public SourceText Source { get; }

    public string Path => Source.Path;

    public IReadOnlyList<SeedColumn> Columns { get; }

    /// <summary>One array per data row, one value per column, in header order.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The header line, for errors about the columns as a whole.</summary>
    public SourceSpan HeaderSpan { get; }

    /// <summary>
    /// Reads, infers and converts a seed. Returns null when the file has errors; they are in
    /// <paramref name="diagnostics"/> with file:line:column (warnings may be added either way).
    /// </summary>
    public static SeedFile? Parse(SourceText source, SeedOptions options, SeedTypeMap types, DiagnosticBag diagnostics)
    {
        var table = CsvReader.Read(source, options.Delimiter, diagnostics);
        if (table is null) return null;

        var profiles = SeedTypeInference.Infer(table);
        var columns = new SeedColumn[table.ColumnCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = table.ColumnNames[i];
            var span = table.Span(table.HeaderFields[i]);
            var declared = FindDeclared(options, name);
            columns[i] = declared is null
                ? new SeedColumn(name, types.SqlType(profiles[i]), DecimalOrText(profiles[i]), null, span)
                : new SeedColumn(name, declared.Text, declared.Kind, declared, span);
        }
        ReportUnusedColumnTypes(options, table, diagnostics);

        var rows = SeedConverter.Convert(table, columns, diagnostics);
        return rows is null ? null : new SeedFile(table.Source, columns, rows, table.HeaderSpan);
    }

    // Decimals wider than System.Decimal travel as their text (see the class summary).
    private static SeedType DecimalOrText(in ColumnProfile profile) =>
        profile.Type == SeedType.Decimal && profile.Precision > SeedConverter.MaxSystemDecimalDigits ? SeedType.Unknown : profile.Type;

    private static DeclaredType? FindDeclared(SeedOptions options, string column)
    {
        if (options.ColumnTypes.Count == 0) return null;
        if (options.ColumnTypes.TryGetValue(column, out var text)) return DeclaredType.Parse(text);
        // The database compares names without case, so a key differing only in case still applies.
        foreach (var (key, value) in options.ColumnTypes)
        {
            if (string.Equals(key, column, StringComparison.OrdinalIgnoreCase)) return DeclaredType.Parse(value);
        }
        return null;
    }

    private static void ReportUnusedColumnTypes(SeedOptions options, CsvTable table, DiagnosticBag diagnostics)
    {
        foreach (var key in options.ColumnTypes.Keys)
        {
            var found = false;
            foreach (var name in table.ColumnNames) found |= string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
            if (!found)
            {
                diagnostics.Add(DiagnosticCodes.Seeds.UnknownColumnTypesKey(table.HeaderSpan, key,
                    NameSuggester.Nearest(key, table.ColumnNames)));
            }
        }
    }
}
