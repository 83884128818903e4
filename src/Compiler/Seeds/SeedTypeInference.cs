namespace ModelForge.Compiler.Seeds;

/// <summary>
/// Finds, per column, the narrowest type that every non-empty value fits: boolean, integer
/// (64-bit), decimal (up to 38 digits, else double), date, timestamp, or text. Empty values are
/// NULL and do not vote; a column with no values is text. Families do not mix: a column holding
/// both numbers and dates is text, as is one holding true and 1.
/// </summary>
internal static class SeedTypeInference
{
    /// <summary>Most digits a DECIMAL holds on both targets.</summary>
    public const int MaxDecimalPrecision = 38;

    public static ColumnProfile[] Infer(CsvTable table)
    {
        var profiles = new ColumnProfile[table.ColumnCount];
        for (var column = 0; column < profiles.Length; column++) profiles[column] = Infer(table, column);
        return profiles;
    }

    public static ColumnProfile Infer(CsvTable table, int column)
    {
        var type = SeedType.Unknown;
        var integerDigits = 0;
        var scale = 0;
        var maxLength = 0;
        for (var row = 0; row < table.RowCount; row++)
        {
            ref readonly var field = ref table.Field(row, column);
            if (field.Length == 0) continue;
            var length = table.TextLength(field);
            if (length > maxLength) maxLength = length;
            if (type == SeedType.Text) continue;
            if (field.Escaped)
            {
                // A value with a quote in it is no number, date or boolean.
                type = SeedType.Text;
                continue;
            }

            var value = SeedValueParser.Trim(table.Raw(field));
            if (value.IsEmpty) continue;
            type = Widen(type, value, ref integerDigits, ref scale);
        }
        return Finish(type, integerDigits, scale, maxLength);
    }

    /// <summary>The narrowest type that holds both the values seen so far and this one.</summary>
    private static SeedType Widen(SeedType type, ReadOnlySpan<char> value, ref int integerDigits, ref int scale)
    {
        switch (type)
        {
            case SeedType.Unknown:
                if (SeedValueParser.TryBoolean(value, out _)) return SeedType.Boolean;
                var number = Number(value, ref integerDigits, ref scale);
                if (number != SeedType.Unknown) return number;
                if (SeedValueParser.TryDate(value, out _)) return SeedType.Date;
                return SeedValueParser.TryTimestamp(value, allowDate: false, out _) ? SeedType.Timestamp : SeedType.Text;
            case SeedType.Boolean:
                return SeedValueParser.TryBoolean(value, out _) ? type : SeedType.Text;
            case SeedType.Integer or SeedType.Decimal or SeedType.Double:
                var next = Number(value, ref integerDigits, ref scale);
                if (next == SeedType.Unknown) return SeedType.Text;
                return next > type ? next : type;
            case SeedType.Date:
                if (SeedValueParser.TryDate(value, out _)) return type;
                return SeedValueParser.TryTimestamp(value, allowDate: false, out _) ? SeedType.Timestamp : SeedType.Text;
            case SeedType.Timestamp:
                return SeedValueParser.TryTimestamp(value, allowDate: true, out _) ? type : SeedType.Text;
            default:
                return SeedType.Text;
        }
    }

    private static SeedType Number(ReadOnlySpan<char> value, ref int integerDigits, ref int scale)
    {
        var shape = SeedValueParser.ScanNumber(value, out var digits, out var places);
        switch (shape)
        {
            case NumberShape.Integer:
                if (digits > integerDigits) integerDigits = digits;
                // 19 digits may or may not fit a long; fewer always do.
                return digits < 19 || SeedValueParser.TryInt64(value, out _) ? SeedType.Integer : SeedType.Decimal;
            case NumberShape.Decimal:
                if (digits > integerDigits) integerDigits = digits;
                if (places > scale) scale = places;
                return SeedType.Decimal;
            case NumberShape.Exponent:
                return SeedValueParser.TryDouble(value, out _) ? SeedType.Double : SeedType.Unknown;
            default:
                return SeedType.Unknown;
        }
    }

    private static ColumnProfile Finish(SeedType type, int integerDigits, int scale, int maxLength)
    {
        switch (type)
        {
            case SeedType.Unknown:
                return new ColumnProfile(SeedType.Text, 0, 0, maxLength);
            case SeedType.Decimal:
                var precision = Math.Max(integerDigits + scale, 1);
                return precision > MaxDecimalPrecision
                    ? new ColumnProfile(SeedType.Double, 0, 0, maxLength)
                    : new ColumnProfile(SeedType.Decimal, precision, scale, maxLength);
            default:
                return new ColumnProfile(type, 0, 0, maxLength);
        }
    }
}
