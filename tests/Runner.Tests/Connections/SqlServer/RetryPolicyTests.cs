using ModelForge.Runner.Connections.SqlServer;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.SqlServer;

internal sealed class RetryPolicyTests
{
    private sealed class TransientFailure : Exception;

    private sealed class PermanentFailure : Exception;

    private readonly List<TimeSpan> _waits = [];

    [SetUp]
    public void Clear() => _waits.Clear();

    private RetryPolicy Policy(int retries) => new(retries, _waits.Add);

    private static bool IsTransient(Exception e) => e is TransientFailure;

    [Test]
    public void A_transient_failure_is_retried_until_it_succeeds()
    {
        var calls = 0;

        var result = Policy(3).Run(() => ++calls < 3 ? throw new TransientFailure() : "open", IsTransient);

        Assert.That(result, Is.EqualTo("open"));
        Assert.That(calls, Is.EqualTo(3));
        Assert.That(_waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public void The_last_transient_failure_is_rethrown_after_every_retry()
    {
        var calls = 0;

        Assert.Throws<TransientFailure>(() => Policy(2).Run<string>(() => { calls++; throw new TransientFailure(); }, IsTransient));
        Assert.That(calls, Is.EqualTo(3));
        Assert.That(_waits, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_permanent_failure_is_not_retried()
    {
        var calls = 0;

        Assert.Throws<PermanentFailure>(() => Policy(5).Run<string>(() => { calls++; throw new PermanentFailure(); }, IsTransient));
        Assert.That(calls, Is.EqualTo(1));
        Assert.That(_waits, Is.Empty);
    }

    [Test]
    public void Zero_retries_tries_once()
    {
        var calls = 0;

        Assert.Throws<TransientFailure>(() => Policy(0).Run<string>(() => { calls++; throw new TransientFailure(); }, IsTransient));
        Assert.That(calls, Is.EqualTo(1));
        Assert.That(Policy(-3).Retries, Is.EqualTo(0));
    }

    [Test]
    public void Waits_double_and_stop_growing_at_the_cap()
    {
        Assert.That(RetryPolicy.DelayBefore(1), Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(RetryPolicy.DelayBefore(4), Is.EqualTo(TimeSpan.FromSeconds(8)));
        Assert.That(RetryPolicy.DelayBefore(20), Is.EqualTo(RetryPolicy.MaxDelay));
    }

    [TestCase(40613, true)]
    [TestCase(40501, true)]
    [TestCase(1205, true)]
    [TestCase(-2, true)]
    [TestCase(18456, false)]
    [TestCase(208, false)]
    [TestCase(102, false)]
    public void Transient_error_numbers_are_those_a_retry_can_cure(int number, bool transient)
    {
        Assert.That(TransientErrors.IsTransientNumber(number), Is.EqualTo(transient));
    }

    [Test]
    public void Exceptions_other_than_SqlException_are_not_transient()
    {
        Assert.That(TransientErrors.IsTransient(new TimeoutException()), Is.False);
    }
}
