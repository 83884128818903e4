using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace ModelForge.Compiler.Project;

/// <summary>
/// The value of an unquoted YAML scalar as dbt sees it. dbt reads YAML with PyYAML's SafeLoader,
/// which resolves plain scalars by YAML 1.1 rules, not the 1.2 core schema YamlDotNet describes:
/// <c>yes/no/on/off</c> (in lower, Title and UPPER case) are booleans, <c>0755</c> is octal,
/// <c>0b101</c> binary, <c>1_000</c> a thousand and <c>1:30</c> ninety (base 60), while a float
/// needs a dot (<c>1e3</c> stays text) and <c>0o17</c> is text. <c>y</c> and <c>n</c> stay
/// text, as in PyYAML. Dates stay text: they print the same as PyYAML's date objects do.
/// </summary>
internal static partial class PlainScalarResolver
{
    private static readonly HashSet<string> True = new(StringComparer.Ordinal) { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
    private static readonly HashSet<string> False = new(StringComparer.Ordinal) { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };

    public static object? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        if (True.Contains(text)) return true;
        if (False.Contains(text)) return false;
        if (!(char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')) return text;
        if (PlainDecimal(text) is { } small) return small;
        // PyYAML tries the float forms before the integer ones.
        if (FloatShape().IsMatch(text)) return Float(text) ?? (object)text;
        if (IntegerShape().IsMatch(text)) return Integer(text) ?? (object)text;
        return text;
    }

    /// <summary>
    /// The common integer (<c>version: 2</c>, <c>threads: 4</c>): an optional sign and up to 18 decimal digits, no
    /// leading zero, no <c>_</c>; what <see cref="Integer"/> gives for it, without the shape regexes and BigInteger,
    /// whose vectorized search and parsing helpers have no precompiled code. Null for anything else.
    /// </summary>
    private static object? PlainDecimal(string text)
    {
        var start = text[0] is '-' or '+' ? 1 : 0;
        var digits = text.Length - start;
        if (digits is 0 or > 18 || (text[start] == '0' && digits > 1)) return null;
        var value = 0L;
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return null;
            value = value * 10 + (text[i] - '0');
        }
        return text[0] == '-' ? -value : value;
    }

    private static object? Integer(string text)
    {
        var (negative, body) = Sign(text.Replace("_", "", StringComparison.Ordinal));
        BigInteger value;
        if (body.Contains(':'))
        {
            value = BigInteger.Zero;
            foreach (var part in body.Split(':')) value = value * 60 + BigInteger.Parse(part, CultureInfo.InvariantCulture);
        }
        else if (body.StartsWith("0b", StringComparison.Ordinal)) { if (!Digits(body[2..], 2, out value)) return null; }
        else if (body.StartsWith("0x", StringComparison.Ordinal)) { if (!Digits(body[2..], 16, out value)) return null; }
        else if (body.Length > 1 && body[0] == '0') { if (!Digits(body[1..], 8, out value)) return null; }
        else if (!BigInteger.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return null;
        if (negative) value = -value;
        // Python's ints have no bound; past 64 bits the nearest double keeps the magnitude.
        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static double? Float(string text)
    {
        var (negative, body) = Sign(text.Replace("_", "", StringComparison.Ordinal));
        double value;
        if (body.Contains(':'))
        {
            value = 0;
            foreach (var part in body.Split(':')) value = value * 60 + double.Parse(part, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }
        return negative ? -value : value;
    }

    private static (bool Negative, string Body) Sign(string text) => text[0] switch
    {
        '-' => (true, text[1..]),
        '+' => (false, text[1..]),
        _ => (false, text),
    };

    private static bool Digits(string digits, int radix, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (digits.Length == 0) return false;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10 : radix;
            if (digit >= radix) return false;
            value = value * radix + digit;
        }
        return true;
    }

    // Floats: digits with a dot and an optional signed exponent; a leading dot (unsigned);
    // base 60 with a dot.
    [GeneratedRegex(@"^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatShape();

    // Integers: binary, octal (a leading 0), decimal, hexadecimal, base 60; `_` may separate digits.
    [GeneratedRegex(@"^[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerShape();
}
