using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class AppenderTests : DuckDbTestBase
{
    [Test]
    public void Appended_rows_of_every_type_are_readable_after_close()
    {
        Execute("""
            create table seed(id bigint, name varchar, amount decimal(18,2), big decimal(38,4), day date,
                happened timestamp, ok boolean, ratio double, key uuid, raw blob, small tinyint, t time)
            """);
        var key = Guid.NewGuid();
        using (var appender = Connection.CreateAppender("seed"))
        {
            appender.AppendRow(1L, "short", 12.34m, -123456789012345678901234.5678m, new DateOnly(1960, 1, 2),
                new DateTime(1960, 1, 2, 3, 4, 5), true, 0.25, key, new byte[] { 9, 8 }, (sbyte)-1, new TimeOnly(1, 2, 3));
            appender.AppendRow(2L, null, -0.01m, null, null, null, null, null, null, null, null, null);
        }

        using var command = Connection.CreateCommand();
        command.CommandText = "select * from seed order by id";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetValue(1), Is.EqualTo("short"));
            Assert.That(reader.GetValue(2), Is.EqualTo(12.34m));
            Assert.That(reader.GetValue(3), Is.EqualTo(-123456789012345678901234.5678m));
            Assert.That(reader.GetValue(4), Is.EqualTo(new DateOnly(1960, 1, 2)));
            Assert.That(reader.GetValue(5), Is.EqualTo(new DateTime(1960, 1, 2, 3, 4, 5)));
            Assert.That(reader.GetValue(6), Is.EqualTo(true));
            Assert.That(reader.GetValue(7), Is.EqualTo(0.25));
            Assert.That(reader.GetValue(8), Is.EqualTo(key));
            Assert.That(reader.GetValue(9), Is.EqualTo(new byte[] { 9, 8 }));
            Assert.That(reader.GetValue(10), Is.EqualTo((sbyte)-1));
            Assert.That(reader.GetValue(11), Is.EqualTo(new TimeSpan(1, 2, 3)));
        });
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.IsDBNull(1), Is.True);
        Assert.That(reader.GetDecimal(2), Is.EqualTo(-0.01m));
    }

    [Test]
    public void DateTimeOffset_appends_and_binds_as_an_instant_whatever_the_session_time_zone()
    {
        Execute("set TimeZone = 'America/New_York'; create table events(at_utc timestamptz)");
        var instant = new DateTimeOffset(2021, 7, 1, 12, 0, 0, TimeSpan.FromHours(2));
        using (var appender = Connection.CreateAppender("events"))
        {
            appender.AppendRow(instant);
        }

        Assert.That(Scalar("select epoch(at_utc) from events"), Is.EqualTo((double)instant.ToUnixTimeSeconds()));
        Assert.That(Scalar("select count(*) from events where at_utc = $1", instant), Is.EqualTo(1L));
    }

    [Test]
    public void Many_rows_append_in_bulk()
    {
        Execute("create schema raw; create table raw.numbers(i int, label varchar)");
        using (var appender = Connection.CreateAppender("numbers", "raw"))
        {
            for (var i = 0; i < 50000; i++)
            {
                appender.AppendRow(i, "n" + i);
            }
        }

        Assert.That(Scalar("select count(*) from raw.numbers"), Is.EqualTo(50000L));
        Assert.That(Scalar("select label from raw.numbers where i = 49999"), Is.EqualTo("n49999"));
    }

    [Test]
    public void Appending_to_a_missing_table_reports_DuckDBs_message()
    {
        var error = Assert.Throws<DuckDbException>(() => Connection.CreateAppender("nowhere"))!;
        Assert.That(error.Message, Does.Contain("nowhere"));
    }

    [Test]
    public void A_row_with_the_wrong_number_of_values_is_rejected()
    {
        Execute("create table two(a int, b int)");
        using var appender = Connection.CreateAppender("two");
        Assert.That(() => appender.AppendRow(1), Throws.TypeOf<DuckDbException>());
    }

    [Test]
    public void A_constraint_violation_surfaces_on_close()
    {
        Execute("create table uniq(id int primary key); insert into uniq values (1)");
        var appender = Connection.CreateAppender("uniq");
        appender.AppendRow(1);
        var error = Assert.Throws<DuckDbException>(() => appender.Close())!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Constraint));
    }
}
