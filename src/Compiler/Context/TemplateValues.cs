using System.Collections;
using System.Globalization;
using System.Numerics;
using ModelForge.Compiler.Context.Modules;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// Converts between .NET values (database readers, configuration) and the template value model
/// (null, bool, long, double, decimal, string, lists, dicts, datetime objects).
/// </summary>
public static class TemplateValues
{
    /// <summary>
    /// A database or .NET value as templates see it: integers become long, float becomes double,
    /// decimal stays decimal, 128-bit integers a long or exact decimal, DBNull becomes null, DateTime/DateTimeOffset become datetime objects,
    /// DateOnly a date, TimeSpan a timedelta, Guid and TimeOnly strings, byte[] lowercase hex.
    /// </summary>
    public static object? FromDotNet(object? value) => value switch
    {
        null or DBNull => null,
        string or bool or long or double or decimal => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        uint ui => (long)ui,
        ushort us => (long)us,
        ulong ul => ul <= long.MaxValue ? (object)(long)ul : (decimal)ul,
        float f => (double)f,
        Half h => (double)h,
        BigInteger big => Wide(big),
        Int128 i128 => Wide(i128),
        UInt128 u128 => Wide(u128),
        DateTime dt => PyDateTime.From(dt),
        DateTimeOffset dto => PyDateTime.From(dto),
        DateOnly d => new PyDate(d),
        TimeOnly t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        TimeSpan ts => new PyTimeDelta(ts),
        Guid g => g.ToString(),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        char c => c.ToString(),
        _ => value,
    };

    // 128-bit integers (DuckDB's HUGEINT, sums of BIGINT): a long when it fits, else an exact
    // decimal (28 digits), a double only beyond that.
    private static object Wide(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? (long)value
        : value >= (BigInteger)decimal.MinValue && value <= (BigInteger)decimal.MaxValue ? (decimal)value
        : (double)value;

    /// <summary>
    /// A template value as plain .NET: datetime objects become DateTime/DateTimeOffset, dates
    /// DateOnly, timedeltas TimeSpan, relations their rendered name; lists and dicts are copied deeply.
    /// </summary>
    public static object? ToDotNet(object? value) => value switch
    {
        null or Undefined => null,
        PyDateTime dt => dt.Offset is { } o ? new DateTimeOffset(dt.Value, o) : (object)dt.Value,
        PyDate d => d.Value,
        PyTimeDelta td => td.Value,
        Relation r => r.Render(),
        string => value,
        IDictionary<string, object?> dict => dict.ToDictionary(p => p.Key, p => ToDotNet(p.Value)),
        IReadOnlyDictionary<string, object?> rdict => rdict.ToDictionary(p => p.Key, p => ToDotNet(p.Value)),
        IEnumerable list => list.Cast<object?>().Select(ToDotNet).ToList(),
        _ => value,
    };

    /// <summary>Python truthiness: none, false, 0, empty strings and collections, undefined are false.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        decimal m => m != 0,
        string s => s.Length > 0,
        ICollection c => c.Count > 0,
        IReadOnlyCollection<object?> rc => rc.Count > 0,
        IReadOnlyCollection<KeyValuePair<string, object?>> rd => rd.Count > 0,
        PyTimeDelta td => td.Value != TimeSpan.Zero,
        _ => true,
    };

    public static double? AsDouble(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        decimal m => (double)m,
        bool b => b ? 1 : 0,
        _ => null,
    };

    /// <summary>Python's <c>str()</c>: None, True/False, 1.0 for floats, lists and dicts in repr form.</summary>
    public static string Str(object? value) => value switch
    {
        null => "None",
        string s => s,
        _ => Repr(value, topLevel: true),
    };

    /// <summary>Python's <c>repr()</c>, used inside lists and dicts.</summary>
    public static string Repr(object? value) => Repr(value, topLevel: false);

    private static string Repr(object? value, bool topLevel) => value switch
    {
        null => "None",
        Undefined => "",
        bool b => b ? "True" : "False",
        string s => topLevel ? s : QuoteString(s),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => FormatFloat(d),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IDictionary<string, object?> dict => "{" + string.Join(", ", dict.Select(p => QuoteString(p.Key) + ": " + Repr(p.Value))) + "}",
        IReadOnlyDictionary<string, object?> rdict => "{" + string.Join(", ", rdict.Select(p => QuoteString(p.Key) + ": " + Repr(p.Value))) + "}",
        object?[] tuple => "(" + string.Join(", ", tuple.Select(Repr)) + (tuple.Length == 1 ? ",)" : ")"),
        IEnumerable list when value is not ITemplateObject => "[" + string.Join(", ", list.Cast<object?>().Select(Repr)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>A float as Python prints it: 1.0, 0.5, 1e+20, inf, nan.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E'))
        {
            text = text.Replace("E", "e", StringComparison.Ordinal);
            if (!text.Contains("e-", StringComparison.Ordinal) && !text.Contains("e+", StringComparison.Ordinal)) text = text.Replace("e", "e+", StringComparison.Ordinal);
            return text;
        }
        return text.Contains('.') ? text : text + ".0";
    }

    private static string QuoteString(string s) =>
        s.Contains('\'') && !s.Contains('"') ? "\"" + s + "\"" : "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>What a value is, for error messages: "a string 'x'", "none", "undefined 'y'".</summary>
    public static string Describe(object? value) => value switch
    {
        null => "none",
        Undefined u => $"undefined '{u.Name}'",
        string s => $"a string '{(s.Length > 40 ? s[..40] + "…" : s)}'",
        bool b => b ? "True" : "False",
        long or int => $"the integer {value}",
        double or decimal => $"the number {Str(value)}",
        IDictionary<string, object?> or IReadOnlyDictionary<string, object?> => "a dict",
        object?[] => "a tuple",
        IEnumerable when value is not ITemplateObject => "a list",
        Relation r => $"the relation {r.Render()}",
        ICallable => "a function",
        _ => $"a {value.GetType().Name} object",
    };
}
