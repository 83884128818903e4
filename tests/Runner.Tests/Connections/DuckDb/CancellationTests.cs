using System.Diagnostics;
using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class CancellationTests : DuckDbTestBase
{
    [Test]
    public void Cancel_from_another_thread_interrupts_a_long_query()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select count(*) from range(10000000000)";
        var watch = Stopwatch.StartNew();
        using var canceller = new Timer(_ => command.Cancel(), null, TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar())!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Interrupt));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(Scalar("select 1"), Is.EqualTo(1), "the connection is usable after an interrupt");
    }

    [Test]
    public void CommandTimeout_interrupts_a_long_query()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select count(*) from range(10000000000)";
        command.CommandTimeout = 1;
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar())!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Interrupt));
    }
}
