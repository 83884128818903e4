using NUnit.Framework;
using ModelForge.Runner.Connections.DuckDb;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

/// Gives each test an open in-memory connection.
internal abstract class DuckDbTestBase
{
    protected DuckDbConnection Connection { get; private set; } = null!;

    [SetUp]
    public void OpenConnection()
    {
        Connection = new DuckDbConnection("Data Source=:memory:");
        Connection.Open();
    }

    [TearDown]
    public void CloseConnection() => Connection.Dispose();

    protected object? Scalar(string sql, params object?[] parameters)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.AddValue(parameter);
        }

        return command.ExecuteScalar();
    }

    protected int Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
