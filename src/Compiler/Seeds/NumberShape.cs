namespace ModelForge.Compiler.Seeds;

internal enum NumberShape
{
    None,
    Integer,
    Decimal,

    /// <summary>Scientific notation (1.5e3): always a DOUBLE, since its digits are not what it stores.</summary>
    Exponent,
}
