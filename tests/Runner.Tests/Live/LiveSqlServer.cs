using Microsoft.Data.SqlClient;

namespace ModelForge.Runner.Tests.Live;

/// <summary>
/// The server the live tests use: <c>FORGE_SQLSERVER_TEST_CONNECTION</c> holds a SqlClient
/// connection string with SQL authentication (the demo project's sqlserver target signs in with
/// user and password). The tests run in a database of their own, created once per run
/// (<c>forge_live_xxxxxxxx</c>) and dropped at the end; when the login may not create databases,
/// they use the connection string's database and schemas whose names no one else uses.
/// </summary>
internal sealed class LiveSqlServer : IDisposable
{
    public const string Variable = "FORGE_SQLSERVER_TEST_CONNECTION";

    public const string IgnoreReason = $"live SQL Server tests need {Variable} set to a SQL Server connection string " +
        "(e.g. \"Server=localhost,1433;User ID=sa;Password=...;TrustServerCertificate=true\")";

    private readonly SqlConnectionStringBuilder _builder;
    private readonly bool _created;

    private LiveSqlServer(string connectionString)
    {
        _builder = new SqlConnectionStringBuilder(connectionString);
        var name = $"forge_live_{Guid.NewGuid():N}"[..19];
        try
        {
            using var connection = Open(_builder.ConnectionString);
            Execute(connection, $"create database [{name}]");
            Database = name;
            _created = true;
        }
        catch (SqlException)
        {
            // No CREATE DATABASE permission (or Azure SQL Database): share the given one.
            Database = string.IsNullOrEmpty(_builder.InitialCatalog) ? "master" : _builder.InitialCatalog;
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text ? text : null;

    /// <summary>The database every test of this run builds in.</summary>
    public string Database { get; }

    /// <summary><c>host</c> or <c>host,port</c>, as the demo profile's server field takes it.</summary>
    public string Server
    {
        get
        {
            var source = _builder.DataSource.Trim();
            return source.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) ? source[4..] : source;
        }
    }

    public string User => _builder.UserID;

    public string Password => _builder.Password;

    public bool TrustCert => _builder.TrustServerCertificate;

    public bool Encrypt => _builder.Encrypt;

    /// <summary>Created on first use by a fixture; null when the variable is not set.</summary>
    public static LiveSqlServer? Create() => ConnectionString is { } text ? new LiveSqlServer(text) : null;

    /// <summary>The environment the demo project's profiles.yml reads for its sqlserver target.</summary>
    public IReadOnlyDictionary<string, string> DemoEnvironment => new Dictionary<string, string>
    {
        ["FORGE_SQLSERVER_HOST"] = Server,
        ["FORGE_SQLSERVER_DATABASE"] = Database,
        ["FORGE_SQLSERVER_USER"] = User,
        ["FORGE_SQLSERVER_PASSWORD"] = Password,
    };

    /// <summary>A profiles.yml for a test project: a sqlserver target named <c>live</c> building in <paramref name="schema"/>.</summary>
    public string Profiles(string profile, string schema, int threads = 1) => $$$"""
        {{{profile}}}:
          target: live
          outputs:
            live:
              type: sqlserver
              server: "{{{Server}}}"
              database: {{{Database}}}
              schema: {{{schema}}}
              authentication: sql
              user: "{{{User}}}"
              password: "{{ env_var('FORGE_LIVE_PASSWORD') }}"
              encrypt: {{{(Encrypt ? "true" : "false")}}}
              trust_cert: {{{(TrustCert ? "true" : "false")}}}
              login_timeout: 15
              threads: {{{threads}}}
        """;

    public SqlConnection OpenDatabase() => Open(new SqlConnectionStringBuilder(_builder.ConnectionString) { InitialCatalog = Database }.ConnectionString);

    public object? Scalar(string sql)
    {
        using var connection = OpenDatabase();
        using var command = new SqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<object?[]> Rows(string sql)
    {
        using var connection = OpenDatabase();
        using var command = new SqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Drops every table and view of the schemas whose names start with <paramref name="prefix"/>, then the schemas.</summary>
    public void DropSchemas(string prefix)
    {
        using var connection = OpenDatabase();
        var objects = new List<(string Schema, string Name, string Type)>();
        using (var command = new SqlCommand(
            "select TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA like @prefix + '%'", connection))
        {
            command.Parameters.AddWithValue("@prefix", prefix);
            using var reader = command.ExecuteReader();
            while (reader.Read()) objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        // Views first: a view over a table blocks nothing in SQL Server, but dropping them first keeps the order obvious.
        foreach (var (schema, name, type) in objects.OrderBy(o => o.Type == "VIEW" ? 0 : 1))
            Execute(connection, $"drop {(type == "VIEW" ? "view" : "table")} if exists [{schema}].[{name}]");
        foreach (var schema in objects.Select(o => o.Schema).Distinct()) Execute(connection, $"drop schema if exists [{schema}]");
    }

    public void Dispose()
    {
        if (!_created) return;
        SqlConnection.ClearAllPools();
        using var connection = Open(_builder.ConnectionString);
        Execute(connection, $"alter database [{Database}] set single_user with rollback immediate");
        Execute(connection, $"drop database [{Database}]");
    }

    private static SqlConnection Open(string connectionString)
    {
        var connection = new SqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqlConnection connection, string sql)
    {
        using var command = new SqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
