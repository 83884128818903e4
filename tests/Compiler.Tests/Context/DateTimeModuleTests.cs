using NUnit.Framework;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class DateTimeModuleTests
{
    private static object? Module(string name) => Attr(Attr(new ContextHarness().Global("modules"), "datetime"), name);

    private static object? DateTime(params object?[] parts) => Invoke(Module("datetime"), parts);

    private static object? Delta(params (string, object?)[] parts) => InvokeNamed(Module("timedelta"), [], parts);

    [Test]
    public void Datetime_prints_as_python_str()
    {
        Assert.That(DateTime(2024L, 1L, 31L)!.ToString(), Is.EqualTo("2024-01-31 00:00:00"));
        Assert.That(DateTime(2024L, 1L, 31L, 8L, 5L, 9L, 120L)!.ToString(), Is.EqualTo("2024-01-31 08:05:09.000120"));
    }

    [Test]
    public void Strftime_and_isoformat()
    {
        var dt = DateTime(2024L, 3L, 5L, 14L, 7L, 0L);
        Assert.That(CallMethod(dt, "strftime", "%Y-%m-%d %H:%M"), Is.EqualTo("2024-03-05 14:07"));
        Assert.That(CallMethod(dt, "strftime", "%a %d %b %Y, %I %p, day %j"), Is.EqualTo("Tue 05 Mar 2024, 02 PM, day 065"));
        Assert.That(CallMethod(dt, "isoformat"), Is.EqualTo("2024-03-05T14:07:00"));
    }

    [Test]
    public void Date_math_with_timedelta()
    {
        var dt = DateTime(2024L, 3L, 1L);
        var earlier = CallMethod(dt, "__sub__", Delta(("days", 1L)));
        var later = CallMethod(dt, "__add__", Delta(("hours", 36L)));
        Assert.That(earlier!.ToString(), Is.EqualTo("2024-02-29 00:00:00"));
        Assert.That(later!.ToString(), Is.EqualTo("2024-03-02 12:00:00"));
    }

    [Test]
    public void Subtracting_datetimes_gives_a_timedelta()
    {
        var delta = CallMethod(DateTime(2024L, 3L, 2L, 12L), "__sub__", DateTime(2024L, 3L, 1L));
        Assert.That(Attr(delta, "days"), Is.EqualTo(1L));
        Assert.That(Attr(delta, "seconds"), Is.EqualTo(43200L));
        Assert.That(CallMethod(delta, "total_seconds"), Is.EqualTo(129600.0));
        Assert.That(delta!.ToString(), Is.EqualTo("1 day, 12:00:00"));
    }

    [Test]
    public void Negative_timedelta_prints_as_python_does() =>
        Assert.That(Delta(("seconds", -1L))!.ToString(), Is.EqualTo("-1 day, 23:59:59"));

    [Test]
    public void Comparisons_work_through_operator_methods()
    {
        var a = DateTime(2024L, 1L, 1L);
        var b = DateTime(2024L, 1L, 2L);
        Assert.That(CallMethod(a, "__lt__", b), Is.True);
        Assert.That(CallMethod(a, "__ge__", b), Is.False);
        Assert.That(CallMethod(a, "__eq__", DateTime(2024L, 1L, 1L)), Is.True);
    }

    [Test]
    public void Strptime_parses_with_python_directives()
    {
        var strptime = Attr(Module("datetime"), "strptime");
        Assert.That(Invoke(strptime, "2024-02-29 13:45:10", "%Y-%m-%d %H:%M:%S")!.ToString(), Is.EqualTo("2024-02-29 13:45:10"));
        Assert.That(Invoke(strptime, "05/Mar/24", "%d/%b/%y")!.ToString(), Is.EqualTo("2024-03-05 00:00:00"));
        Assert.That(Invoke(strptime, "2024-01-01T00:00:00+0200", "%Y-%m-%dT%H:%M:%S%z")!.ToString(), Is.EqualTo("2024-01-01 00:00:00+02:00"));
    }

    [Test]
    public void Strptime_mismatch_points_at_the_call()
    {
        var diagnostic = Fails(() => Invoke(Attr(Module("datetime"), "strptime"), "2024/01/01", "%Y-%m-%d"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2510"));
        Assert.That(diagnostic.Message, Is.EqualTo("time data '2024/01/01' does not match format '%Y-%m-%d'"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
    }

    [Test]
    public void Impossible_date_is_an_error()
    {
        var diagnostic = Fails(() => DateTime(2023L, 2L, 29L));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2511"));
    }

    [Test]
    public void Date_objects_do_day_math_and_format()
    {
        var date = Invoke(Module("date"), 2024L, 12L, 31L);
        var next = CallMethod(date, "__add__", Delta(("days", 1L)));
        Assert.That(next!.ToString(), Is.EqualTo("2025-01-01"));
        Assert.That(CallMethod(next, "strftime", "%d.%m.%Y"), Is.EqualTo("01.01.2025"));
        Assert.That(CallMethod(DateTime(2024L, 12L, 31L, 10L), "date")!.ToString(), Is.EqualTo("2024-12-31"));
    }

    [Test]
    public void Now_and_utcnow_give_datetimes()
    {
        var now = CallMethod(Module("datetime"), "utcnow");
        Assert.That(Attr(now, "year"), Is.GreaterThanOrEqualTo(2024L));
        Assert.That(Attr(now, "tzinfo"), Is.Null);
    }

    [Test]
    public void Run_started_at_is_an_aware_utc_datetime()
    {
        var started = new ContextHarness().Global("run_started_at");
        Assert.That(started!.ToString(), Is.EqualTo("2024-03-10 12:30:05+00:00"));
        Assert.That(CallMethod(started, "strftime", "%Y%m%d"), Is.EqualTo("20240310"));
        Assert.That(Attr(started, "tzinfo")!.ToString(), Is.EqualTo("UTC"));
    }

    [Test]
    public void Naive_and_aware_datetimes_do_not_mix()
    {
        var started = new ContextHarness().Global("run_started_at");
        var diagnostic = Fails(() => CallMethod(started, "__sub__", DateTime(2024L, 1L, 1L)));
        Assert.That(diagnostic.Message, Does.Contain("offset-naive and offset-aware"));
    }

    [Test]
    public void Fromisoformat_reads_dates_and_datetimes()
    {
        var parse = Attr(Module("datetime"), "fromisoformat");
        Assert.That(Invoke(parse, "2024-05-06")!.ToString(), Is.EqualTo("2024-05-06 00:00:00"));
        Assert.That(Invoke(parse, "2024-05-06 07:08:09.5")!.ToString(), Is.EqualTo("2024-05-06 07:08:09.500000"));
    }
}
