using ModelForge.Compiler.Contracts;
using ModelForge.Compiler.Targets.DuckDb;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Contracts;

public sealed class DataTypeTests
{
    private static bool Accepts(string declared, string actual) =>
        DuckDbSql.Instance.NormalizeType(declared).Accepts(DuckDbSql.Instance.NormalizeType(actual));

    [TestCase("int", "INTEGER")]
    [TestCase("int4", "INTEGER")]
    [TestCase("int32", "integer")]
    [TestCase("int8", "BIGINT")]
    [TestCase("long", "BIGINT")]
    [TestCase("text", "VARCHAR")]
    [TestCase("string", "VARCHAR")]
    [TestCase("nvarchar", "VARCHAR")]
    [TestCase("varchar(20)", "VARCHAR")]
    [TestCase("numeric(10,2)", "DECIMAL(10,2)")]
    [TestCase("decimal( 10 , 2 )", "DECIMAL(10,2)")]
    [TestCase("numeric", "DECIMAL(18,3)")]
    [TestCase("bool", "BOOLEAN")]
    [TestCase("datetime", "TIMESTAMP")]
    [TestCase("datetime2", "TIMESTAMP")]
    [TestCase("timestamp with time zone", "TIMESTAMP WITH TIME ZONE")]
    [TestCase("timestamptz", "TIMESTAMP WITH TIME ZONE")]
    [TestCase("float8", "DOUBLE")]
    [TestCase("double precision", "DOUBLE")]
    [TestCase("float4", "FLOAT")]
    [TestCase("real", "FLOAT")]
    [TestCase("Integer[]", "INTEGER[]")]
    public void Aliases_name_the_same_type(string declared, string actual) =>
        Assert.That(Accepts(declared, actual), Is.True);

    [TestCase("integer", "BIGINT")]
    [TestCase("decimal(10,2)", "DECIMAL(12,2)")]
    [TestCase("numeric(10,2)", "DECIMAL(10,3)")]
    [TestCase("timestamp", "TIMESTAMP WITH TIME ZONE")]
    [TestCase("date", "TIMESTAMP")]
    [TestCase("varchar", "INTEGER")]
    [TestCase("double", "FLOAT")]
    public void Different_types_do_not_match(string declared, string actual) =>
        Assert.That(Accepts(declared, actual), Is.False);

    [Test]
    public void Float_is_double_in_the_common_table_but_real_on_duckdb()
    {
        Assert.That(DataType.Parse("float", DataTypeAliases.Common).Name, Is.EqualTo("double"));
        Assert.That(DuckDbSql.Instance.NormalizeType("float").Name, Is.EqualTo("real"));
    }

    [Test]
    public void Nested_types_keep_their_shape()
    {
        Assert.That(DuckDbSql.Instance.NormalizeType("STRUCT(a INTEGER, b VARCHAR)").ToString(), Is.EqualTo("struct(a integer, b varchar)"));
        Assert.That(DuckDbSql.Instance.NormalizeType("nvarchar(max)").ToString(), Is.EqualTo("varchar"));
    }
}
