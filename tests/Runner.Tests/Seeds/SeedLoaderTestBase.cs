using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using ModelForge.Compiler.Targets.DuckDb;
using DuckDB.NET.Data;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.Materializations;
using ModelForge.Runner.Execution.Seeds;
using ModelForge.Runner.Tests.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Seeds;

/// A temp-file DuckDB database and helpers that parse a CSV and load it as `forge seed` would.
internal abstract class SeedLoaderTestBase
{
    private TempDatabase _database = null!;

    protected DuckDBConnection Connection { get; private set; } = null!;

    /// Statements of the last load, in order.
    protected IReadOnlyList<string> Statements { get; private set; } = [];

    [SetUp]
    public void OpenDatabase()
    {
        _database = new TempDatabase();
        Connection = new DuckDBConnection(_database.ConnectionString);
        Connection.Open();
    }

    [TearDown]
    public void CloseDatabase()
    {
        Connection.Dispose();
        _database.Dispose();
    }

    protected static SeedFile Parse(string csv, Dictionary<string, string>? columnTypes = null, string path = "seeds/orders.csv")
    {
        var bag = new DiagnosticBag();
        var options = SeedOptions.Default with { ColumnTypes = columnTypes ?? [] };
        var seed = SeedFile.Parse(new SourceText(path, csv), options, SeedTypeMap.DuckDb, bag);
        Assert.That(seed, Is.Not.Null, string.Join("\n", bag.ToList()));
        return seed!;
    }

    /// Loads on a fresh relation cache, as a new `forge seed` run would.
    protected long Load(SeedFile seed, SeedLoadOptions? options = null, string schema = "main", string identifier = "orders")
    {
        var context = new MaterializationContext(Connection, DuckDbSql.Instance, new RelationCache(DuckDbSql.Instance))
        {
            Database = null,
            Schema = schema,
            Identifier = identifier,
            CompiledSql = "",
        };
        try
        {
            return new SeedLoader(DuckDbSeedWriter.Instance).Load(context, seed, options ?? new SeedLoadOptions());
        }
        finally
        {
            Statements = context.Statements;
        }
    }

    protected long Load(string csv, SeedLoadOptions? options = null, Dictionary<string, string>? columnTypes = null) =>
        Load(Parse(csv, columnTypes), options);

    protected List<object?[]> Query(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
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

    /// (name, data_type) of a table's columns as stored.
    protected List<string> ColumnTypes(string table = "orders", string schema = "main") =>
        Query($"select column_name || ' ' || data_type from information_schema.columns where table_schema = '{schema}' and table_name = '{table}' order by ordinal_position")
            .Select(r => (string)r[0]!).ToList();

    protected List<string> Tables(string schema = "main") =>
        Query($"select table_name from information_schema.tables where table_schema = '{schema}' order by table_name")
            .Select(r => (string)r[0]!).ToList();
}
