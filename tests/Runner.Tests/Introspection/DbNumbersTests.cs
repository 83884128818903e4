using System.Numerics;
using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Introspection;

public sealed class DbNumbersTests
{
    [Test]
    public void Every_wide_integer_type_converts_to_a_count()
    {
        Assert.That(DbNumbers.ToInt64(new BigInteger(12)), Is.EqualTo(12));
        Assert.That(DbNumbers.ToInt64((Int128)(-3)), Is.EqualTo(-3));
        Assert.That(DbNumbers.ToInt64((UInt128)7), Is.EqualTo(7));
        Assert.That(DbNumbers.ToInt64(42.9m), Is.EqualTo(42));
        Assert.That(DbNumbers.ToInt64(12UL), Is.EqualTo(12));
    }

    [Test]
    public void A_count_past_the_range_of_long_saturates_instead_of_wrapping()
    {
        Assert.That(DbNumbers.ToInt64(BigInteger.Pow(2, 100)), Is.EqualTo(long.MaxValue));
        Assert.That(DbNumbers.ToInt64(Int128.MinValue), Is.EqualTo(long.MinValue));
    }

    [Test]
    public void Text_that_is_not_a_number_is_reported_as_such()
    {
        Assert.That(DbNumbers.ToInt64("many"), Is.Null);
        Assert.That(DbNumbers.ToInt64(Guid.Empty), Is.Null);
    }

    [Test]
    public void Flags_are_booleans_or_non_zero_numbers()
    {
        Assert.That(DbNumbers.IsTrue(true), Is.True);
        Assert.That(DbNumbers.IsTrue(1), Is.True);
        Assert.That(DbNumbers.IsTrue(new BigInteger(0)), Is.False);
        Assert.That(DbNumbers.IsTrue(0.5m), Is.True);
        Assert.That(DbNumbers.IsTrue(null), Is.False);
    }

    [Test]
    public void Int128_is_widened_to_BigInteger_and_other_values_pass_through()
    {
        Assert.That(DbNumbers.Widen(Int128.MaxValue), Is.EqualTo(BigInteger.Parse("170141183460469231731687303715884105727")));
        Assert.That(DbNumbers.Widen("text"), Is.EqualTo("text"));
    }
}
