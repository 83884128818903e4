using System.Data.Common;
using DuckDB.NET.Data;
using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

/// DuckDB's errors as DuckDB.NET raises them, classified by <see cref="DuckDbErrors"/>.
[TestFixture]
internal sealed class DuckDbErrorsTests
{
    private DuckDBConnection _connection = null!;

    [SetUp]
    public void Open() => _connection = DuckDbConnector.Open(":memory:");

    [TearDown]
    public void Close() => _connection.Dispose();

    [Test]
    public void A_syntax_error_is_a_parser_error_located_at_the_offending_token()
    {
        const string sql = "select 1,\n  2 frm t";
        var error = Fail(sql);
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("Parser Error: syntax error at or near \"t\""));
            Assert.That(DuckDbErrors.Category(error), Is.EqualTo("Parser"));
            Assert.That(DuckDbErrors.TryPosition(error, sql, out var position), Is.True);
            Assert.That(position, Is.EqualTo(sql.IndexOf(" t", StringComparison.Ordinal) + 1));
        });
    }

    [Test]
    public void A_binder_error_is_located_at_the_unknown_column()
    {
        Execute("create table t(i int)");
        const string sql = "select i,\n  nope\nfrom t";
        var error = Fail(sql);
        Assert.That(DuckDbErrors.Category(error), Is.EqualTo("Binder"));
        Assert.That(DuckDbErrors.TryPosition(error, sql, out var position), Is.True);
        Assert.That(position, Is.EqualTo(sql.IndexOf("nope", StringComparison.Ordinal)));
    }

    [Test]
    public void The_position_survives_a_truncated_long_line()
    {
        var sql = "select " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"{i} as c{i}")) + ", missing_column, 1 as z from range(1)";
        var error = Fail(sql);
        Assert.That(error.Message, Does.Contain("..."));
        Assert.That(DuckDbErrors.TryPosition(error, sql, out var position), Is.True);
        Assert.That(position, Is.EqualTo(sql.IndexOf("missing_column", StringComparison.Ordinal)));
    }

    [TestCase("select 1,\r\n  nope")]
    [TestCase("select '日本語 🦆 ünï', nope")]
    [TestCase("-- a comment; with a semicolon\nselect 'x;y' as a, nope")]
    [TestCase("select '日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語' as a, nope, 'tail tail tail tail tail tail tail tail tail tail tail' as b")]
    public void The_position_accounts_for_line_breaks_and_wide_characters(string sql)
    {
        var error = Fail(sql);
        Assert.That(DuckDbErrors.TryPosition(error, sql, out var position), Is.True, error.Message);
        Assert.That(position, Is.EqualTo(sql.IndexOf("nope", StringComparison.Ordinal)), error.Message);
    }

    [Test]
    public void A_constraint_violation_is_recognised_and_has_no_position()
    {
        Execute("create table k(id int primary key, name varchar not null); insert into k values (1, 'a')");
        var duplicate = Fail("insert into k values (1, 'b')");
        var missing = Fail("insert into k values (2, null)");
        Assert.Multiple(() =>
        {
            Assert.That(DuckDbErrors.IsConstraintViolation(duplicate), Is.True, duplicate.Message);
            Assert.That(DuckDbErrors.IsConstraintViolation(missing), Is.True, missing.Message);
            Assert.That(DuckDbErrors.TryPosition(duplicate, "insert into k values (1, 'b')", out _), Is.False);
        });
    }

    [Test]
    public void Other_errors_are_not_constraint_violations()
    {
        var catalog = Fail("select * from no_such_table");
        var conversion = Fail("select 'abc'::int");
        Assert.Multiple(() =>
        {
            Assert.That(DuckDbErrors.Category(catalog), Is.EqualTo("Catalog"));
            Assert.That(DuckDbErrors.Category(conversion), Is.EqualTo("Conversion"));
            Assert.That(DuckDbErrors.IsConstraintViolation(catalog), Is.False);
            Assert.That(DuckDbErrors.IsConstraintViolation(conversion), Is.False);
        });
    }

    [Test]
    public void A_script_of_several_statements_runs_and_the_connection_survives_an_error()
    {
        Execute("create table s(i int); insert into s values (1); insert into s values (2)");
        Fail("selec 1");
        using var command = _connection.CreateCommand();
        command.CommandText = "select sum(i) from s";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(new System.Numerics.BigInteger(3)));
    }

    [Test]
    public void Errors_of_other_providers_are_not_DuckDBs()
    {
        var other = new OtherError("Constraint Error: looks like DuckDB\nLINE 1: x\n        ^");
        Assert.Multiple(() =>
        {
            Assert.That(DuckDbErrors.Category(other), Is.Null);
            Assert.That(DuckDbErrors.IsConstraintViolation(other), Is.False);
            Assert.That(DuckDbErrors.TryPosition(other, "x", out _), Is.False);
        });
    }

    private DbException Fail(string sql) => Assert.Throws<DuckDBException>(() => Execute(sql))!;

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class OtherError(string message) : DbException(message);
}
