using ModelForge.Runner.Connections.DuckDb;
using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class CancellationTests
{
    [Test]
    public void Cancelling_the_run_interrupts_a_long_query_and_the_connection_stays_usable()
    {
        using var connection = DuckDbConnector.Open(":memory:");
        using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from range(100000000000)";
        using var cancellation = new CancellationTokenSource();
        using var interrupter = new StatementInterrupter(command, cancellation.Token);
        cancellation.Cancel();
        var error = Assert.Catch<System.Data.Common.DbException>(() => DuckDbErrors.ExecuteNonQuery(command))!;
        Assert.That(DuckDbErrors.IsInterrupted(error), Is.True, error.Message);
        interrupter.Dispose();

        command.CommandText = "select 1";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(1));
    }
}
