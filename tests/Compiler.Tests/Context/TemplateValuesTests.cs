using NUnit.Framework;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Tests.Context;

public sealed class TemplateValuesTests
{
    [Test]
    public void Database_numbers_become_long_double_and_decimal()
    {
        Assert.That(TemplateValues.FromDotNet(5), Is.TypeOf<long>());
        Assert.That(TemplateValues.FromDotNet((short)5), Is.TypeOf<long>());
        Assert.That(TemplateValues.FromDotNet(1.5f), Is.TypeOf<double>());
        Assert.That(TemplateValues.FromDotNet(1.5m), Is.TypeOf<decimal>());
        Assert.That(TemplateValues.FromDotNet(ulong.MaxValue), Is.TypeOf<decimal>());
        Assert.That(TemplateValues.FromDotNet(5UL), Is.TypeOf<long>());
        Assert.That(TemplateValues.FromDotNet(new System.Numerics.BigInteger(7)), Is.TypeOf<long>());
        Assert.That(TemplateValues.FromDotNet(DBNull.Value), Is.Null);
        Assert.That(TemplateValues.FromDotNet(new byte[] { 0xAB, 0x01 }), Is.EqualTo("ab01"));
    }

    [Test]
    public void Dates_round_trip_between_dotnet_and_templates()
    {
        var stamp = new DateTime(2024, 1, 2, 3, 4, 5);
        var offset = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        Assert.That(TemplateValues.ToDotNet(TemplateValues.FromDotNet(stamp)), Is.EqualTo(stamp));
        Assert.That(TemplateValues.ToDotNet(TemplateValues.FromDotNet(offset)), Is.EqualTo(offset));
        Assert.That(TemplateValues.ToDotNet(TemplateValues.FromDotNet(new DateOnly(2024, 1, 2))), Is.EqualTo(new DateOnly(2024, 1, 2)));
        Assert.That(TemplateValues.ToDotNet(TemplateValues.FromDotNet(TimeSpan.FromMinutes(90))), Is.EqualTo(TimeSpan.FromMinutes(90)));
    }

    [Test]
    public void Str_matches_python()
    {
        Assert.That(TemplateValues.Str(null), Is.EqualTo("None"));
        Assert.That(TemplateValues.Str(true), Is.EqualTo("True"));
        Assert.That(TemplateValues.Str(1.0), Is.EqualTo("1.0"));
        Assert.That(TemplateValues.Str(new List<object?> { "a", 1L, null }), Is.EqualTo("['a', 1, None]"));
    }
}
