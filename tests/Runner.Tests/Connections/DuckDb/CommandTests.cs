using System.Data;
using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class CommandTests : DuckDbTestBase
{
    [Test]
    public void ExecuteNonQuery_returns_rows_changed()
    {
        Assert.That(Execute("create table t(i int)"), Is.EqualTo(-1));
        Assert.That(Execute("insert into t select * from range(5)"), Is.EqualTo(5));
        Assert.That(Execute("update t set i = i + 1 where i < 2"), Is.EqualTo(2));
        Assert.That(Execute("delete from t"), Is.EqualTo(5));
    }

    [Test]
    public void Multiple_statements_in_one_command_all_run_and_rows_changed_add_up()
    {
        var changed = Execute("""
            create table a(i int);
            insert into a values (1), (2);   -- two rows; a ';' in a comment is not a separator
            insert into a values (3);
            create view v as select 'x;y' as s;
            """);
        Assert.That(changed, Is.EqualTo(3));
        Assert.That(Scalar("select count(*) from a"), Is.EqualTo(3L));
        Assert.That(Scalar("select s from v"), Is.EqualTo("x;y"));
    }

    [Test]
    public void A_reader_over_a_script_reads_the_last_statement()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "create table b as select 1 as x; select x + 1 as y from b";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.GetName(0), Is.EqualTo("y"));
        Assert.That(reader.GetInt32(0), Is.EqualTo(2));
        Assert.That(reader.Read(), Is.False);
        Assert.That(reader.NextResult(), Is.False);
    }

    [Test]
    public void A_reader_over_an_insert_reports_records_affected()
    {
        Execute("create table r(i int)");
        using var command = Connection.CreateCommand();
        command.CommandText = "insert into r select * from range(3)";
        using var reader = command.ExecuteReader();
        Assert.That(reader.RecordsAffected, Is.EqualTo(3));
    }

    [Test]
    public void ExecuteScalar_of_an_empty_result_is_null()
    {
        Assert.That(Scalar("select 1 where false"), Is.Null);
    }

    [Test]
    public void Results_spanning_many_chunks_read_every_row_in_order()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select i, 'row ' || i as label, case when i % 7 = 0 then null else i end as maybe from range(10000) t(i) order by i";
        using var reader = command.ExecuteReader();
        Assert.That(reader.HasRows, Is.True);
        var expected = 0L;
        while (reader.Read())
        {
            Assert.That(reader.GetInt64(0), Is.EqualTo(expected));
            Assert.That(reader.GetString(1), Is.EqualTo("row " + expected));
            Assert.That(reader.IsDBNull(2), Is.EqualTo(expected % 7 == 0));
            expected++;
        }

        Assert.That(expected, Is.EqualTo(10000));
    }

    [Test]
    public void An_empty_result_has_no_rows_but_keeps_its_columns()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select 1 as a, 'x' as b where false";
        using var reader = command.ExecuteReader();
        Assert.That(reader.HasRows, Is.False);
        Assert.That(reader.FieldCount, Is.EqualTo(2));
        Assert.That(reader.Read(), Is.False);
    }

    [Test]
    public void A_committed_transaction_keeps_its_writes()
    {
        Execute("create table t(i int)");
        using (var transaction = Connection.BeginTransaction())
        {
            Execute("insert into t values (1)");
            transaction.Commit();
        }

        Assert.That(Scalar("select count(*) from t"), Is.EqualTo(1L));
    }

    [Test]
    public void A_rolled_back_or_abandoned_transaction_discards_its_writes()
    {
        Execute("create table t(i int)");
        using (var transaction = Connection.BeginTransaction())
        {
            Execute("insert into t values (1)");
            transaction.Rollback();
        }

        using (Connection.BeginTransaction())
        {
            Execute("insert into t values (2)");
        }

        Assert.That(Scalar("select count(*) from t"), Is.EqualTo(0L));
    }

    [Test]
    public void Transactions_do_not_nest()
    {
        using var transaction = Connection.BeginTransaction();
        Assert.That(() => Connection.BeginTransaction(), Throws.InvalidOperationException);
    }

    [Test]
    public void ServerVersion_is_the_library_version()
    {
        Assert.That(Connection.ServerVersion, Is.EqualTo("v1.5.6"));
    }

    [Test]
    public void Closing_a_reader_with_CloseConnection_closes_the_connection()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select 1";
        using (var reader = command.ExecuteReader(CommandBehavior.CloseConnection))
        {
            Assert.That(reader.Read(), Is.True);
        }

        Assert.That(Connection.State, Is.EqualTo(ConnectionState.Closed));
    }

    [Test]
    public void Connection_string_options_reach_DuckDB()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;threads=3");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select current_setting('threads')";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(3L));
    }
}
