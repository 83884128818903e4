using System.Globalization;
using System.Numerics;

namespace ModelForge.Runner.Execution;

/// <summary>
/// Numbers read back from the database, whatever CLR type the provider chose: DuckDB's sum() of
/// integers is a 128-bit HUGEINT (BigInteger from our provider and from DuckDB.NET; Int128 or
/// UInt128 from others), SQL Server's sum() of decimal(38) is a decimal. BigInteger is not
/// IConvertible, so Convert.ToInt64 cannot be used on these.
/// </summary>
internal static class DbNumbers
{
    /// <summary>The value as a BigInteger (fractions truncated toward zero), or null when it is not a number.</summary>
    public static BigInteger? ToBigInteger(object? value) => value switch
    {
        null or DBNull => null,
        BigInteger b => b,
        long l => l,
        int i => i,
        short s => s,
        sbyte sb => sb,
        byte by => by,
        ulong ul => ul,
        uint ui => ui,
        ushort us => us,
        Int128 i128 => (BigInteger)i128,
        UInt128 u128 => (BigInteger)u128,
        decimal d => new BigInteger(decimal.Truncate(d)),
        double d when double.IsFinite(d) => new BigInteger(Math.Truncate(d)),
        float f when float.IsFinite(f) => new BigInteger(MathF.Truncate(f)),
        Half h when Half.IsFinite(h) => new BigInteger(Math.Truncate((double)h)),
        bool flag => flag ? BigInteger.One : BigInteger.Zero,
        string text when BigInteger.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string text when decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => new BigInteger(decimal.Truncate(parsed)),
        _ => null,
    };

    /// <summary>
    /// As <see cref="ToBigInteger"/>, saturated to the range of long (a count past 9.2e18 stays
    /// the largest long rather than wrapping); null when it is not a number.
    /// </summary>
    public static long? ToInt64(object? value) => ToBigInteger(value) is not { } big
        ? null
        : big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big;

    /// <summary>Truthiness of a flag column: a boolean, or any number other than zero (SQL Server has no boolean).</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null or DBNull => false,
        bool flag => flag,
        decimal d => d != 0,
        double d => d != 0,
        float f => f != 0,
        _ => ToBigInteger(value) is { } n && !n.IsZero,
    };

    /// <summary>Int128/UInt128 as BigInteger, the one wide-integer type the rest of forge formats and converts; DuckDB.NET's nested, time and blob values as forge formats them (<see cref="Connections.DuckDb.DuckDbValues"/>).</summary>
    public static object? Widen(object? value) => value switch
    {
        Int128 i => (BigInteger)i,
        UInt128 u => (BigInteger)u,
        _ => Connections.DuckDb.DuckDbValues.Normalize(value),
    };
}
