using ModelForge.Compiler.Compilation.Microbatch;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Microbatch;

/// <summary>Which batches a run builds: dbt 1.9's microbatch window arithmetic, in UTC.</summary>
public sealed class MicrobatchPlanTests
{
    private static readonly DateTimeOffset Now = Utc(2024, 9, 17, 16, 6);

    private static DateTimeOffset Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static MicrobatchConfig Config(BatchSize size, int lookback = 1) => new("ts", size, Utc(2024, 9, 14, 7), lookback, null);

    private static List<string> Ids(IReadOnlyList<MicrobatchWindow> batches, BatchSize size) => batches.Select(b => b.Id(size)).ToList();

    [Test]
    public void A_first_build_starts_at_begin_truncated_and_ends_at_the_boundary_after_now()
    {
        var batches = Config(BatchSize.Day).Plan(Now, incremental: false, null, null);

        Assert.That(Ids(batches, BatchSize.Day), Is.EqualTo(new[] { "20240914", "20240915", "20240916", "20240917" }));
        Assert.That(batches[^1], Is.EqualTo(new MicrobatchWindow(Utc(2024, 9, 17), Utc(2024, 9, 18))));
    }

    [Test]
    public void An_incremental_run_rebuilds_lookback_batches_before_the_current_one()
    {
        Assert.That(Ids(Config(BatchSize.Day, lookback: 1).Plan(Now, true, null, null), BatchSize.Day), Is.EqualTo(new[] { "20240916", "20240917" }));
        Assert.That(Ids(Config(BatchSize.Day, lookback: 0).Plan(Now, true, null, null), BatchSize.Day), Is.EqualTo(new[] { "20240917" }));
        Assert.That(Ids(Config(BatchSize.Hour, lookback: 2).Plan(Now, true, null, null), BatchSize.Hour),
            Is.EqualTo(new[] { "20240917T14", "20240917T15", "20240917T16" }));
    }

    [Test]
    public void A_run_exactly_on_a_boundary_still_rebuilds_the_window_that_just_ended()
    {
        var batches = Config(BatchSize.Day).Plan(Utc(2024, 9, 17), true, null, null);

        Assert.That(Ids(batches, BatchSize.Day), Is.EqualTo(new[] { "20240915", "20240916" }));
    }

    [Test]
    public void Event_time_flags_set_the_range_whatever_the_table_holds()
    {
        var batches = Config(BatchSize.Month).Plan(Now, true, Utc(2024, 1, 15), Utc(2024, 3, 1));

        Assert.That(batches, Is.EqualTo(new[]
        {
            new MicrobatchWindow(Utc(2024, 1, 1), Utc(2024, 2, 1)),
            new MicrobatchWindow(Utc(2024, 2, 1), Utc(2024, 3, 1)),
        }));
    }

    [Test]
    public void Year_batches_and_a_begin_in_the_future_plan_nothing_past_now()
    {
        Assert.That(Ids(Config(BatchSize.Year).Plan(Now, false, Utc(2022, 6, 1), null), BatchSize.Year), Is.EqualTo(new[] { "20220101", "20230101", "20240101" }));
        var future = Config(BatchSize.Day) with { Begin = Utc(2025, 1, 1) };
        Assert.That(future.Plan(Now, false, null, null), Is.Empty);
    }

    [TestCase("2024-01-01", 2024, 1, 1, 0)]
    [TestCase("2024-01-01 06:00:00", 2024, 1, 1, 6)]
    [TestCase("2024-01-01T06:00:00+02:00", 2024, 1, 1, 4)]
    public void Event_times_are_read_as_UTC(string text, int y, int m, int d, int h)
    {
        Assert.That(EventTimes.Parse(text), Is.EqualTo(Utc(y, m, d, h)));
    }

    [TestCase("yesterday")]
    [TestCase("2024")]
    [TestCase("2024-13-01")]
    public void Text_that_is_no_date_is_refused(string text)
    {
        Assert.That(EventTimes.Parse(text), Is.Null);
    }
}
