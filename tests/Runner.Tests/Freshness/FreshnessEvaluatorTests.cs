using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution.Freshness;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Freshness;

public sealed class FreshnessEvaluatorTests
{
    private static readonly FreshnessPolicy Both = new(new FreshnessThreshold(6, "hour"), new FreshnessThreshold(1, "day"), null);

    [TestCase(5, FreshnessStatus.Pass)]
    [TestCase(7, FreshnessStatus.Warn)]
    [TestCase(25, FreshnessStatus.Error)]
    public void Age_against_both_thresholds(int hours, FreshnessStatus expected) =>
        Assert.That(FreshnessEvaluator.Evaluate(Both, TimeSpan.FromHours(hours)), Is.EqualTo(expected));

    [Test]
    public void An_empty_table_is_an_error_when_error_after_is_set_and_a_warning_otherwise()
    {
        Assert.That(FreshnessEvaluator.Evaluate(Both, null), Is.EqualTo(FreshnessStatus.Error));
        Assert.That(FreshnessEvaluator.Evaluate(Both with { ErrorAfter = null }, null), Is.EqualTo(FreshnessStatus.Warn));
    }

    [Test]
    public void A_timestamp_without_time_zone_is_taken_as_utc()
    {
        var naive = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Unspecified);

        Assert.That(FreshnessEvaluator.ToInstant(naive), Is.EqualTo(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void An_offset_is_converted_to_utc_and_a_date_is_midnight_utc()
    {
        Assert.That(FreshnessEvaluator.ToInstant(new DateTimeOffset(2024, 5, 1, 14, 0, 0, TimeSpan.FromHours(2))),
            Is.EqualTo(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.That(FreshnessEvaluator.ToInstant(new DateOnly(2024, 5, 1)), Is.EqualTo(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [TestCase(90, "1m")]
    [TestCase(3 * 3600 + 120, "3h 2m")]
    [TestCase(50 * 3600, "2d 2h")]
    public void Ages_read_for_people(int seconds, string expected) =>
        Assert.That(FreshnessEvaluator.FormatAge(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
}
