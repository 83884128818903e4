using ModelForge.Runner.Connections.DuckDb;
using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

/// Values read through DuckDB.NET come out as forge has always formatted them (forge show, test
/// failure rows, run_query): nested values as DuckDB's own VARCHAR rendering.
[TestFixture]
internal sealed class ValueTests
{
    [TestCase("[1, 2, 3]::int[]", "[1, 2, 3]")]
    [TestCase("[1, 2]::int[2]", "[1, 2]")]
    [TestCase("['a', 'b c']", "[a, b c]")]
    [TestCase("{'a': 1, 'b': 'x'}", "{'a': 1, 'b': x}")]
    [TestCase("map {'k': 1}", "{k=1}")]
    [TestCase("[{'d': date '2020-01-02', 'f': 0.5::double}]", "[{'d': 2020-01-02, 'f': 0.5}]")]
    [TestCase("'01:02:03+05'::timetz", "01:02:03+05")]
    public void Nested_and_zoned_values_read_as_DuckDBs_text(string expression, string expected)
    {
        Assert.That(Read(expression), Is.EqualTo(expected));
        Assert.That(Read(expression), Is.EqualTo(Read($"({expression})::varchar")), "the same text as DuckDB's own cast");
    }

    [Test]
    public void Time_reads_as_a_time_span_and_blob_as_bytes()
    {
        Assert.That(Read("'01:02:03.5'::time"), Is.EqualTo(new TimeSpan(0, 1, 2, 3, 500)));
        Assert.That(Read("'a\\x00b'::blob"), Is.EqualTo(new byte[] { (byte)'a', 0, (byte)'b' }));
    }

    [Test]
    public void Scalars_pass_through_unchanged()
    {
        Assert.That(Read("42"), Is.EqualTo(42));
        Assert.That(Read("'text'"), Is.EqualTo("text"));
        Assert.That(Read("date '2020-01-02'"), Is.EqualTo(new DateOnly(2020, 1, 2)));
        Assert.That(Read("170141183460469231731687303715884105727::hugeint"), Is.EqualTo(System.Numerics.BigInteger.Parse("170141183460469231731687303715884105727")));
    }

    [Test]
    public void Values_DuckDBNET_cannot_hand_out_still_read()
    {
        Assert.That(Read("interval '1 month 2 days 3 seconds'"), Is.EqualTo(TimeSpan.FromDays(32) + TimeSpan.FromSeconds(3)));
        Assert.That(Read("'100000000000000000000000000000.00'::decimal(38,2)"), Is.InstanceOf<System.Numerics.BigInteger>());
    }

    private static object? Read(string expression)
    {
        using var connection = DuckDbConnector.Open(":memory:");
        using var command = connection.CreateCommand();
        command.CommandText = $"select {expression}";
        using var reader = command.ExecuteReader();
        reader.Read();
        return DbNumbers.Widen(DuckDbValues.Read(reader, 0));
    }
}
