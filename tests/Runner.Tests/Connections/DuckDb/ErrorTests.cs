using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class ErrorTests : DuckDbTestBase
{
    [Test]
    public void Syntax_error_carries_DuckDBs_message_type_and_offset()
    {
        const string sql = "select 1,\n  2 frm t";
        var error = Assert.Throws<DuckDbException>(() => Execute(sql))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("Parser Error: syntax error at or near \"t\""));
            Assert.That(error.Message, Does.Contain("LINE 2:"));
            Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Parser));
            Assert.That(error.CommandText, Is.EqualTo(sql));
            Assert.That(error.Position, Is.EqualTo(sql.IndexOf(" t", StringComparison.Ordinal) + 1));
        });
    }

    [Test]
    public void Error_offset_points_into_the_failing_statement_of_a_script()
    {
        Execute("create table t(i int)");
        const string sql = "select 1;\nselect i from t;\nselect nope from t";
        var error = Assert.Throws<DuckDbException>(() => Execute(sql))!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Binder));
        Assert.That(error.Position, Is.EqualTo(sql.IndexOf("nope", StringComparison.Ordinal)));
    }

    [Test]
    public void Error_offset_survives_a_truncated_long_line()
    {
        var sql = "select " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"{i} as c{i}")) + ", missing_column, 1 as z from range(1)";
        var error = Assert.Throws<DuckDbException>(() => Execute(sql))!;
        Assert.That(error.Message, Does.Contain("..."));
        Assert.That(error.Position, Is.EqualTo(sql.IndexOf("missing_column", StringComparison.Ordinal)));
    }

    [Test]
    public void Error_offset_is_found_for_prepared_statements_too()
    {
        const string sql = "select $1 + nope";
        var error = Assert.Throws<DuckDbException>(() => Scalar(sql, 1))!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Binder));
        Assert.That(error.Position, Is.EqualTo(sql.IndexOf("nope", StringComparison.Ordinal)));
    }

    [TestCase("select 1,\r\n  nope")]
    [TestCase("select '日本語 🦆 ünï', nope")]
    [TestCase("-- a comment; with a semicolon\nselect 'x;y' as a, nope")]
    [TestCase("select '日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語' as a, nope, 'tail tail tail tail tail tail tail tail tail tail tail' as b")]
    public void Error_offset_accounts_for_line_breaks_and_wide_characters(string sql)
    {
        var error = Assert.Throws<DuckDbException>(() => Execute(sql))!;
        Assert.That(error.Position, Is.EqualTo(sql.IndexOf("nope", StringComparison.Ordinal)), error.Message);
    }

    [Test]
    public void Catalog_error_names_the_missing_table()
    {
        var error = Assert.Throws<DuckDbException>(() => Execute("select * from no_such_table"))!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Catalog));
        Assert.That(error.Message, Does.StartWith("Catalog Error: Table with name no_such_table does not exist!"));
    }

    [Test]
    public void Constraint_violation_is_a_constraint_error_without_position()
    {
        Execute("create table k(id int primary key); insert into k values (1)");
        var error = Assert.Throws<DuckDbException>(() => Execute("insert into k values (1)"))!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Constraint));
        Assert.That(error.Message, Does.Contain("primary key"));
        Assert.That(error.Position, Is.Null);
    }

    [Test]
    public void Conversion_error_is_typed()
    {
        var error = Assert.Throws<DuckDbException>(() => Execute("select 'abc'::int"))!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.Conversion));
    }

    [Test]
    public void The_connection_stays_usable_after_an_error()
    {
        Assert.Throws<DuckDbException>(() => Execute("selec 1"));
        Assert.That(Scalar("select 1"), Is.EqualTo(1));
    }

    [Test]
    public void Opening_a_database_in_a_missing_directory_reports_DuckDBs_message()
    {
        var path = Path.Combine(Path.GetTempPath(), "forge-missing-" + Guid.NewGuid().ToString("N"), "sub", "x.duckdb");
        using var connection = new DuckDbConnection($"Data Source={path}");
        var error = Assert.Throws<DuckDbException>(() => connection.Open())!;
        Assert.That(error.ErrorType, Is.EqualTo(DuckDbErrorType.IO));
        Assert.That(error.Message, Does.StartWith("IO Error:"));
        Assert.That(error.Message, Does.Contain(path));
    }

    [Test]
    public void Opening_a_file_that_is_not_a_database_reports_DuckDBs_message()
    {
        using var temp = new TempDatabase();
        File.WriteAllText(temp.Path, "this is not a duckdb file, it is plain text that is long enough to have a header");
        using var connection = new DuckDbConnection(temp.ConnectionString);
        var error = Assert.Throws<DuckDbException>(() => connection.Open())!;
        Assert.That(error.Message, Is.Not.Empty);
        Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Closed));
    }

    [Test]
    public void An_invalid_option_value_is_rejected()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;access_mode=sideways");
        var error = Assert.Throws<DuckDbException>(() => connection.Open())!;
        Assert.That(error.Message, Does.Contain("access_mode").IgnoreCase);
    }
}
