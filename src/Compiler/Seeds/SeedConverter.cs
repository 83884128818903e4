using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Seeds;

/// <summary>
/// Turns every field into the .NET value of its column's type, checking values against
/// column_types. All rows are checked before anything is returned, so loading never starts on a
/// file with a bad value; each bad value is reported at its own line and column.
/// </summary>
internal static class SeedConverter
{
    /// <summary>Digits System.Decimal always holds; wider DECIMAL values stay text.</summary>
    public const int MaxSystemDecimalDigits = 28;

    public static object?[][]? Convert(CsvTable table, IReadOnlyList<SeedColumn> columns, DiagnosticBag diagnostics)
    {
        var rows = new object?[table.RowCount][];
        var errors = 0;
        for (var row = 0; row < rows.Length; row++)
        {
            var values = new object?[columns.Count];
            for (var column = 0; column < values.Length; column++)
            {
                ref readonly var field = ref table.Field(row, column);
                if (field.Length == 0) continue;
                var seedColumn = columns[column];
                if (TryConvert(table, field, seedColumn, out var value))
                {
                    values[column] = value;
                    continue;
                }
                errors++;
                if (errors <= CsvReader.MaxErrors)
                {
                    var type = seedColumn.Declared?.Display ?? seedColumn.SqlType;
                    diagnostics.Add(DiagnosticCodes.Seeds.InvalidValue(table.Span(field), table.Text(field), seedColumn.Name, type, seedColumn.Declared is not null));
                }
                else if (errors == CsvReader.MaxErrors + 1)
                {
                    diagnostics.Add(DiagnosticCodes.Seeds.TooManyErrors(table.Source.Path, CsvReader.MaxErrors));
                }
            }
            rows[row] = values;
        }
        return errors == 0 ? rows : null;
    }

    private static bool TryConvert(CsvTable table, in CsvField field, SeedColumn column, out object? value)
    {
        value = null;
        var declared = column.Declared;
        if (column.Type == SeedType.Text)
        {
            var text = table.Text(field);
            value = text;
            return declared is null || declared.MaxLength == 0 || text.Length <= declared.MaxLength;
        }
        if (column.Type == SeedType.Unknown)
        {
            if (declared is not null)
            {
                value = table.Text(field);
                return true;
            }
            // An inferred DECIMAL too wide for System.Decimal: its digits as text, blank is NULL.
            var digits = SeedValueParser.Trim(table.Raw(field));
            value = digits.IsEmpty ? null : digits.ToString();
            return true;
        }

        var raw = SeedValueParser.Trim(table.Raw(field));
        // Blanks in a typed column are NULL, like empty fields.
        if (raw.IsEmpty) return true;
        switch (column.Type)
        {
            case SeedType.Boolean:
                if (!TryBoolean(raw, declared is not null, out var flag)) return false;
                value = flag;
                return true;
            case SeedType.Integer:
                if (!SeedValueParser.TryInt64(raw, out var integer)) return false;
                if (declared is not null && (integer < declared.Min || integer > declared.Max)) return false;
                value = integer;
                return true;
            case SeedType.Decimal:
                return TryDecimal(raw, declared, out value);
            case SeedType.Double:
                if (!SeedValueParser.TryDouble(raw, out var real)) return false;
                value = real;
                return true;
            case SeedType.Date:
                if (!SeedValueParser.TryDate(raw, out var date)) return false;
                value = date;
                return true;
            case SeedType.Timestamp:
                if (!SeedValueParser.TryTimestamp(raw, allowDate: true, out var timestamp)) return false;
                value = timestamp;
                return true;
            default:
                return false;
        }
    }

    // A declared BOOLEAN/BIT also takes 1 and 0, which both databases cast; inference does not, so
    // that a column of 0s and 1s stays a number.
    private static bool TryBoolean(ReadOnlySpan<char> raw, bool declared, out bool value)
    {
        if (SeedValueParser.TryBoolean(raw, out value)) return true;
        if (!declared || raw.Length != 1 || raw[0] is not ('0' or '1')) return false;
        value = raw[0] == '1';
        return true;
    }

    private static bool TryDecimal(ReadOnlySpan<char> raw, DeclaredType? declared, out object? value)
    {
        value = null;
        var shape = SeedValueParser.ScanNumber(raw, out var integerDigits, out var scale);
        if (shape is not (NumberShape.Integer or NumberShape.Decimal)) return false;
        // Extra fractional digits are rounded by the database, as a cast would; too many integer digits overflow.
        if (declared is { Precision: > 0 } && integerDigits > declared.Precision - declared.Scale) return false;
        if (integerDigits + scale <= MaxSystemDecimalDigits && SeedValueParser.TryDecimal(raw, out var number))
        {
            value = number;
            return true;
        }
        value = raw.ToString();
        return true;
    }
}
