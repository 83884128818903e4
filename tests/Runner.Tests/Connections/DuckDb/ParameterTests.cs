using System.Numerics;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class ParameterTests : DuckDbTestBase
{
    [Test]
    public void Question_mark_parameters_bind_in_order()
    {
        Assert.That(Scalar("select ? + ?", 40, 2), Is.EqualTo(42));
    }

    [Test]
    public void Numbered_parameters_bind_by_position()
    {
        Assert.That(Scalar("select $2 || $1", "b", "a"), Is.EqualTo("ab"));
    }

    [Test]
    public void Named_parameters_bind_by_name_with_or_without_prefix()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select $greeting || ', ' || $who";
        command.Parameters.Add("who", "world");
        command.Parameters.Add("$greeting", "hello");
        Assert.That(command.ExecuteScalar(), Is.EqualTo("hello, world"));
    }

    [Test]
    public void A_missing_parameter_value_is_reported_by_name()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select $a, $b";
        command.Parameters.Add("a", 1);
        Assert.That(() => command.ExecuteScalar(), Throws.InvalidOperationException.With.Message.Contains("$b"));
    }

    [Test]
    public void Values_of_every_supported_type_round_trip_through_parameters()
    {
        var guid = Guid.Parse("0b3a2f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
        var cases = new (object Value, object Expected)[]
        {
            (true, true),
            ((sbyte)-3, (sbyte)-3),
            ((short)-300, (short)-300),
            (123456, 123456),
            (-9000000000L, -9000000000L),
            ((byte)250, (byte)250),
            ((ushort)65000, (ushort)65000),
            (4000000000u, 4000000000u),
            (ulong.MaxValue, ulong.MaxValue),
            (1.5f, 1.5f),
            (-2.75d, -2.75d),
            (-1234.5678m, -1234.5678m),
            (0.5m, 0.5m),
            (79228162514264337593543950335m, 79228162514264337593543950335m),
            (BigInteger.Parse("-99999999999999999999999999"), BigInteger.Parse("-99999999999999999999999999")),
            ("ünïcödé and more than twelve bytes", "ünïcödé and more than twelve bytes"),
            (new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }),
            (new DateOnly(1955, 11, 5), new DateOnly(1955, 11, 5)),
            (new DateTime(1955, 11, 5, 6, 15, 0).AddTicks(10), new DateTime(1955, 11, 5, 6, 15, 0).AddTicks(10)),
            (new TimeOnly(23, 59, 58), new TimeSpan(23, 59, 58)),
            (new TimeSpan(2, 3, 4, 5), new TimeSpan(2, 3, 4, 5)),
            (guid, guid),
        };
        foreach (var (value, expected) in cases)
        {
            Assert.That(Scalar("select $1", value), Is.EqualTo(expected), value.GetType().Name);
        }
    }

    [Test]
    public void Null_parameters_bind_as_SQL_NULL()
    {
        Assert.That(Scalar("select $1::int is null", DBNull.Value), Is.EqualTo(true));
        Assert.That(Scalar("select coalesce($1::varchar, 'none')", (object?)null), Is.EqualTo("none"));
    }

    [Test]
    public void Parameters_filter_table_rows()
    {
        Execute("create table people(id int, name varchar, born date); insert into people values (1, 'ada', '1815-12-10'), (2, 'alan', '1912-06-23')");
        Assert.That(Scalar("select name from people where born < ?", new DateOnly(1900, 1, 1)), Is.EqualTo("ada"));
        Assert.That(Scalar("select id from people where name = $name", "alan"), Is.EqualTo(2));
    }

    [Test]
    public void Parameters_apply_to_each_statement_of_a_script()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "create table t(v int); insert into t values ($1), ($1 + 1); select sum(v) from t where v >= $1";
        command.Parameters.AddValue(10);
        Assert.That(command.ExecuteScalar(), Is.EqualTo(new BigInteger(21)).Or.EqualTo(21L).Or.EqualTo(21));
    }
}
