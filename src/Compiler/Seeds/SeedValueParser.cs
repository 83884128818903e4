using System.Globalization;

namespace ModelForge.Compiler.Seeds;

/// <summary>
/// Recognises typed values in CSV text without allocating: hand-written scanners, no regex and no
/// culture (seed files are exchanged between machines, so 1.5 always means one and a half).
/// </summary>
internal static class SeedValueParser
{
    /// <summary>Spaces and tabs around a value do not change what it is (" 12" is a number).</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value) => value.Trim(" \t");

    public static bool TryBoolean(ReadOnlySpan<char> s, out bool value)
    {
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return s.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The shape of a number: [+-]digits[.digits][e[+-]digits], at least one digit before the exponent.
    /// <paramref name="integerDigits"/> counts digits before the point without leading zeros;
    /// <paramref name="scale"/> counts digits after it as written (1.50 has scale 2).
    /// </summary>
    public static NumberShape ScanNumber(ReadOnlySpan<char> s, out int integerDigits, out int scale)
    {
        integerDigits = 0;
        scale = 0;
        var i = 0;
        if (i < s.Length && (s[i] == '-' || s[i] == '+')) i++;
        var digits = 0;
        var leadingZeros = true;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            digits++;
            if (leadingZeros && s[i] == '0') continue;
            leadingZeros = false;
            integerDigits++;
        }
        var shape = NumberShape.Integer;
        if (i < s.Length && s[i] == '.')
        {
            shape = NumberShape.Decimal;
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                digits++;
                scale++;
            }
        }
        if (digits == 0) return NumberShape.None;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '-' || s[i] == '+')) i++;
            var exponentDigits = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++) exponentDigits++;
            if (exponentDigits == 0) return NumberShape.None;
            shape = NumberShape.Exponent;
        }
        return i == s.Length ? shape : NumberShape.None;
    }

    public static bool TryInt64(ReadOnlySpan<char> s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryDecimal(ReadOnlySpan<char> s, out decimal value) =>
        decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static bool TryDouble(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>yyyy-MM-dd exactly, a real calendar day.</summary>
    public static bool TryDate(ReadOnlySpan<char> s, out DateOnly value)
    {
        value = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)) return false;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// ISO 8601 without a zone: yyyy-MM-dd, then 'T' or a space, HH:mm, optional :ss and up to seven
    /// fractional digits (DATETIME2's precision; DuckDB keeps six). A bare date is midnight when
    /// <paramref name="allowDate"/> is set.
    /// </summary>
    public static bool TryTimestamp(ReadOnlySpan<char> s, bool allowDate, out DateTime value)
    {
        value = default;
        if (s.Length < 10 || !TryDate(s[..10], out var date)) return false;
        if (s.Length == 10)
        {
            if (!allowDate) return false;
            value = date.ToDateTime(TimeOnly.MinValue);
            return true;
        }
        if (s.Length < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return false;
        if (!TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || hour > 23 || minute > 59) return false;
        var second = 0;
        long ticks = 0;
        var rest = s[16..];
        if (rest.Length > 0)
        {
            if (rest.Length < 3 || rest[0] != ':' || !TryDigits(rest.Slice(1, 2), out second) || second > 59) return false;
            rest = rest[3..];
            if (rest.Length > 0)
            {
                if (rest[0] != '.' || rest.Length < 2 || rest.Length > 8 || !TryDigits(rest[1..], out var fraction)) return false;
                ticks = fraction;
                for (var i = rest.Length - 1; i < 7; i++) ticks *= 10;
            }
        }
        value = date.ToDateTime(new TimeOnly(hour, minute, second)).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return s.Length > 0;
    }
}
