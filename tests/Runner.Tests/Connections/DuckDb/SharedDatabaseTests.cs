using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class SharedDatabaseTests
{
    [Test]
    public void Two_connections_to_one_file_see_each_others_writes()
    {
        using var temp = new TempDatabase();
        using var writer = new DuckDbConnection(temp.ConnectionString);
        using var reader = new DuckDbConnection(temp.ConnectionString);
        writer.Open();
        reader.Open();

        writer.Execute("create table shared(i int); insert into shared values (1), (2)");
        using var command = reader.CreateCommand();
        command.CommandText = "select sum(i) from shared";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(3L).Or.EqualTo(new System.Numerics.BigInteger(3)));
    }

    [Test]
    public void Connections_on_many_threads_share_one_database()
    {
        using var temp = new TempDatabase();
        using (var setup = new DuckDbConnection(temp.ConnectionString))
        {
            setup.Open();
            setup.Execute("create table hits(thread int)");
        }

        Parallel.For(0, 8, thread =>
        {
            using var connection = new DuckDbConnection(temp.ConnectionString);
            connection.Open();
            for (var i = 0; i < 20; i++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "insert into hits values ($1)";
                command.Parameters.AddValue(thread);
                command.ExecuteNonQuery();
            }
        });

        using var check = new DuckDbConnection(temp.ConnectionString);
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "select count(*) from hits";
        Assert.That(count.ExecuteScalar(), Is.EqualTo(160L));
    }

    [Test]
    public void The_database_closes_when_its_last_connection_closes_and_data_persists()
    {
        using var temp = new TempDatabase();
        var before = SharedDatabase.OpenCount;
        using (var first = new DuckDbConnection(temp.ConnectionString))
        {
            first.Open();
            first.Execute("create table kept as select 42 as answer");
            Assert.That(SharedDatabase.OpenCount, Is.EqualTo(before + 1));
        }

        Assert.That(SharedDatabase.OpenCount, Is.EqualTo(before));
        using var again = new DuckDbConnection(temp.ConnectionString);
        again.Open();
        using var command = again.CreateCommand();
        command.CommandText = "select answer from kept";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(42));
    }

    [Test]
    public void Plain_memory_databases_are_private_and_named_ones_are_shared()
    {
        using var a = new DuckDbConnection("Data Source=:memory:");
        using var b = new DuckDbConnection("Data Source=:memory:");
        a.Open();
        b.Open();
        a.Execute("create table only_in_a(i int)");
        Assert.That(() => b.Execute("select * from only_in_a"), Throws.TypeOf<DuckDbException>());

        var name = ":memory:shared" + Guid.NewGuid().ToString("N");
        using var c = new DuckDbConnection($"Data Source={name}");
        using var d = new DuckDbConnection($"Data Source={name}");
        c.Open();
        d.Open();
        c.Execute("create table in_both(i int)");
        Assert.That(() => d.Execute("select * from in_both"), Throws.Nothing);
    }

    [Test]
    public void A_read_only_database_refuses_writes_with_DuckDBs_message()
    {
        using var temp = new TempDatabase();
        using (var setup = new DuckDbConnection(temp.ConnectionString))
        {
            setup.Open();
            setup.Execute("create table t(i int)");
        }

        using var connection = new DuckDbConnection(temp.ConnectionString + ";access_mode=read_only");
        connection.Open();
        var error = Assert.Throws<DuckDbException>(() => connection.Execute("insert into t values (1)"))!;
        Assert.That(error.Message, Does.Contain("read-only"));
    }
}
