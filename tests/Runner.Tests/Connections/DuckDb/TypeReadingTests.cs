using NUnit.Framework;
using System.Numerics;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class TypeReadingTests : DuckDbTestBase
{
    [Test]
    public void Integers_of_every_width_come_back_as_their_clr_types()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Scalar("select true"), Is.EqualTo(true));
            Assert.That(Scalar("select (-5)::tinyint"), Is.EqualTo((sbyte)-5));
            Assert.That(Scalar("select (-300)::smallint"), Is.EqualTo((short)-300));
            Assert.That(Scalar("select 42"), Is.EqualTo(42));
            Assert.That(Scalar("select 9000000000"), Is.EqualTo(9000000000L));
            Assert.That(Scalar("select 200::utinyint"), Is.EqualTo((byte)200));
            Assert.That(Scalar("select 60000::usmallint"), Is.EqualTo((ushort)60000));
            Assert.That(Scalar("select 4000000000::uinteger"), Is.EqualTo(4000000000u));
            Assert.That(Scalar("select 18446744073709551615::ubigint"), Is.EqualTo(ulong.MaxValue));
            Assert.That(Scalar("select -170141183460469231731687303715884105727::hugeint"),
                Is.EqualTo(BigInteger.Parse("-170141183460469231731687303715884105727")));
            Assert.That(Scalar("select 340282366920938463463374607431768211455::uhugeint"),
                Is.EqualTo(BigInteger.Parse("340282366920938463463374607431768211455")));
        });
    }

    [Test]
    public void Floating_point_values_round_trip()
    {
        Assert.That(Scalar("select 1.5::float"), Is.EqualTo(1.5f));
        Assert.That(Scalar("select -2.25::double"), Is.EqualTo(-2.25d));
    }

    [TestCase("select 12.34::decimal(4,2)", "12.34", "DECIMAL(4,2)")]
    [TestCase("select -12.34::decimal(4,2)", "-12.34", "DECIMAL(4,2)")]
    [TestCase("select 123456.789::decimal(9,3)", "123456.789", "DECIMAL(9,3)")]
    [TestCase("select -123456789012.345678::decimal(18,6)", "-123456789012.345678", "DECIMAL(18,6)")]
    [TestCase("select 1234567890123456789012.345678::decimal(28,6)", "1234567890123456789012.345678", "DECIMAL(28,6)")]
    [TestCase("select -0.0001::decimal(38,10)", "-0.0001000000", "DECIMAL(38,10)")]
    [TestCase("select 0::decimal(18,2)", "0.00", "DECIMAL(18,2)")]
    public void Decimals_of_every_internal_width_read_exactly(string sql, string expected, string typeName)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetDataTypeName(0), Is.EqualTo(typeName));
            Assert.That(reader.GetFieldType(0), Is.EqualTo(typeof(decimal)));
            Assert.That(reader.GetDecimal(0), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(((decimal)reader.GetValue(0)).ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
        });
    }

    [TestCase("abc")]
    [TestCase("exactly12byt")]
    [TestCase("thirteen byte")]
    [TestCase("a much longer string that is certainly stored behind a pointer, not inline")]
    [TestCase("ünïcödé ✓ 日本語 🦆")]
    [TestCase("")]
    public void Strings_inline_and_pointed_to_read_back_unchanged(string text)
    {
        Assert.That(Scalar("select $1::varchar", text), Is.EqualTo(text));
        Assert.That(Scalar($"select '{text.Replace("'", "''")}'"), Is.EqualTo(text));
    }

    [Test]
    public void Dates_including_before_1970_read_as_DateOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Scalar("select date '1969-07-20'"), Is.EqualTo(new DateOnly(1969, 7, 20)));
            Assert.That(Scalar("select date '1900-01-01'"), Is.EqualTo(new DateOnly(1900, 1, 1)));
            Assert.That(Scalar("select date '2024-02-29'"), Is.EqualTo(new DateOnly(2024, 2, 29)));
            Assert.That(Scalar("select date '0001-01-01'"), Is.EqualTo(new DateOnly(1, 1, 1)));
        });
    }

    [Test]
    public void Timestamps_of_every_precision_read_as_DateTime()
    {
        var expected = new DateTime(1965, 3, 4, 5, 6, 7).AddTicks(1234560);
        Assert.Multiple(() =>
        {
            Assert.That(Scalar("select timestamp '1965-03-04 05:06:07.123456'"), Is.EqualTo(expected));
            Assert.That(Scalar("select '1965-03-04 05:06:07.123456'::timestamp_ns"), Is.EqualTo(expected));
            Assert.That(Scalar("select '1965-03-04 05:06:07.123'::timestamp_ms"), Is.EqualTo(new DateTime(1965, 3, 4, 5, 6, 7, 123)));
            Assert.That(Scalar("select '2021-03-04 05:06:07'::timestamp_s"), Is.EqualTo(new DateTime(2021, 3, 4, 5, 6, 7)));
            Assert.That(Scalar("select 'infinity'::timestamp"), Is.EqualTo(DateTime.MaxValue));
        });
    }

    [Test]
    public void Timestamp_with_time_zone_reads_as_utc_DateTime()
    {
        Execute("set TimeZone = 'UTC'");
        var value = (DateTime)Scalar("select timestamptz '2020-06-01 12:00:00+02'")!;
        Assert.That(value, Is.EqualTo(new DateTime(2020, 6, 1, 10, 0, 0)));
        Assert.That(value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public void Time_and_interval_read_as_TimeSpan()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Scalar("select time '13:14:15.5'"), Is.EqualTo(new TimeSpan(0, 13, 14, 15, 500)));
            Assert.That(Scalar("select interval 3 day + interval 2 hour"), Is.EqualTo(new TimeSpan(3, 2, 0, 0)));
            Assert.That(Scalar("select interval 1 month"), Is.EqualTo(TimeSpan.FromDays(30)));
        });
    }

    [Test]
    public void Uuid_reads_as_Guid()
    {
        const string text = "6f9619ff-8b86-d011-b42d-00cf4fc964ff";
        Assert.That(Scalar($"select '{text}'::uuid"), Is.EqualTo(Guid.Parse(text)));
        Assert.That(Scalar("select 'ffffffff-ffff-ffff-ffff-000000000001'::uuid"), Is.EqualTo(Guid.Parse("ffffffff-ffff-ffff-ffff-000000000001")));
    }

    [Test]
    public void Blob_reads_as_bytes()
    {
        Assert.That(Scalar("select '\\x00\\xFFab'::blob"), Is.EqualTo(new byte[] { 0, 255, (byte)'a', (byte)'b' }));
        Assert.That(Scalar("select 'a blob longer than twelve bytes'::blob"), Is.EqualTo("a blob longer than twelve bytes"u8.ToArray()));
    }

    [Test]
    public void Enum_reads_as_its_label()
    {
        Execute("create type mood as enum ('sad', 'ok', 'happy')");
        Assert.That(Scalar("select 'happy'::mood"), Is.EqualTo("happy"));
    }

    [Test]
    public void Nulls_of_every_type_read_as_DBNull()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select null::int a, null::varchar b, null::decimal(10,2) c, null::date d, null::timestamp e, null::uuid f, null::blob g, null::int[] h";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Assert.That(reader.IsDBNull(i), Is.True, reader.GetName(i));
            Assert.That(reader.GetValue(i), Is.EqualTo(DBNull.Value), reader.GetName(i));
        }
    }

    [Test]
    public void Nested_types_read_as_DuckDB_text()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select [1, 2, null] l, ['a', 'b'] s, {'x': 1, 'y': 'z'} st, map([1], ['a']) m, [[1], []] n, array_value(1, 2) a";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetValue(0), Is.EqualTo("[1, 2, NULL]"));
            Assert.That(reader.GetDataTypeName(0), Is.EqualTo("INTEGER[]"));
            Assert.That(reader.GetValue(1), Is.EqualTo("[a, b]"));
            Assert.That(reader.GetValue(2), Is.EqualTo("{'x': 1, 'y': z}"));
            Assert.That(reader.GetDataTypeName(2), Is.EqualTo("STRUCT(x INTEGER, y VARCHAR)"));
            Assert.That(reader.GetValue(3), Is.EqualTo("{1=a}"));
            Assert.That(reader.GetDataTypeName(3), Is.EqualTo("MAP(INTEGER, VARCHAR)"));
            Assert.That(reader.GetValue(4), Is.EqualTo("[[1], []]"));
            Assert.That(reader.GetValue(5), Is.EqualTo("[1, 2]"));
            Assert.That(reader.GetDataTypeName(5), Is.EqualTo("INTEGER[2]"));
            Assert.That(reader.GetFieldType(0), Is.EqualTo(typeof(string)));
        });
    }

    [Test]
    public void Column_metadata_names_duckdb_types()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select 1::bigint as id, 'x' as name, 2.50::decimal(18,2) as amount, date '2020-01-01' as day";
        using var reader = command.ExecuteReader();
        Assert.Multiple(() =>
        {
            Assert.That(reader.FieldCount, Is.EqualTo(4));
            Assert.That(reader.GetName(2), Is.EqualTo("amount"));
            Assert.That(reader.GetOrdinal("NAME"), Is.EqualTo(1));
            Assert.That(reader.GetDataTypeName(0), Is.EqualTo("BIGINT"));
            Assert.That(reader.GetDataTypeName(1), Is.EqualTo("VARCHAR"));
            Assert.That(reader.GetDataTypeName(2), Is.EqualTo("DECIMAL(18,2)"));
            Assert.That(reader.GetFieldType(3), Is.EqualTo(typeof(DateOnly)));
            var schema = reader.GetSchemaTable();
            Assert.That(schema.Rows.Count, Is.EqualTo(4));
            Assert.That(schema.Rows[2]["DataTypeName"], Is.EqualTo("DECIMAL(18,2)"));
            Assert.That(schema.Rows[2]["NumericScale"], Is.EqualTo((short)2));
        });
    }

    [Test]
    public void Typed_getters_convert_between_compatible_types()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "select 7::bigint, 7, date '2020-01-02', 'abc', 1.25::double";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetInt32(0), Is.EqualTo(7));
            Assert.That(reader.GetInt64(1), Is.EqualTo(7L));
            Assert.That(reader.GetDateTime(2), Is.EqualTo(new DateTime(2020, 1, 2)));
            Assert.That(reader.GetFieldValue<DateOnly>(2), Is.EqualTo(new DateOnly(2020, 1, 2)));
            Assert.That(reader.GetString(3), Is.EqualTo("abc"));
            Assert.That(reader.GetDouble(4), Is.EqualTo(1.25));
            Assert.That(reader.GetDecimal(4), Is.EqualTo(1.25m));
        });
    }
}
