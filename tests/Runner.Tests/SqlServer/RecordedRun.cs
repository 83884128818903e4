using System.Data;
using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Runner.Connections;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>
/// Runs `forge` against recording connections (no server): the statements it sent, and the
/// relations the scripted warehouse reports per schema.
/// </summary>
internal sealed class RecordedRun
{
    public StatementLog Log { get; } = new();

    /// <summary>Relations the warehouse already has: (schema, name) → 'table' or 'view'.</summary>
    public Dictionary<(string Schema, string Name), string> Existing { get; } = [];

    /// <summary>Columns of existing tables by name, (column, type); helper tables (name__forge_…) answer as their table.</summary>
    public Dictionary<string, (string Name, string Type)[]> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What sp_describe_first_result_set reports for a contracted model's query: (name, system_type_name).</summary>
    public List<(string Name, string Type)> Described { get; } = [];

    /// <summary>The server's error message for a statement that fails; null lets it succeed.</summary>
    public Func<string, string?> FailWith { get; set; } = _ => null;

    public ForgeResult Forge(TempProject project, params string[] args)
    {
        var previous = ConnectionFactory.Substitute.Value;
        ConnectionFactory.Substitute.Value = _ =>
        {
            var connection = new RecordingConnection(Log, Answer, FailWith);
            connection.Open();
            return connection;
        };
        try
        {
            return project.Forge(args);
        }
        finally
        {
            ConnectionFactory.Substitute.Value = previous;
        }
    }

    /// <summary>Asserts that ScriptDom parses every recorded statement with zero errors.</summary>
    public void AssertEveryStatementParses()
    {
        Assert.That(Log.Statements, Is.Not.Empty);
        foreach (var statement in Log.Statements)
        {
            var errors = TSqlParsing.Errors(statement);
            Assert.That(errors, Is.Empty, $"ScriptDom rejects a statement forge sent:\n{statement}\nerrors: {string.Join("; ", errors)}");
        }
    }

    private DataTable? Answer(string text)
    {
        if (text.StartsWith("SELECT COLUMN_NAME, CASE", StringComparison.Ordinal)) return ColumnsOf(text);
        if (text.StartsWith("EXEC sp_describe_first_result_set", StringComparison.Ordinal)) return DescribedResult();
        if (!text.StartsWith("SELECT TABLE_NAME, CASE WHEN TABLE_TYPE", StringComparison.Ordinal)) return null;
        var table = new DataTable();
        table.Columns.Add("TABLE_NAME", typeof(string));
        table.Columns.Add("TYPE", typeof(string));
        foreach (var ((schema, name), type) in Existing.OrderBy(e => e.Key.Name, StringComparer.Ordinal))
        {
            if (text.EndsWith($"TABLE_SCHEMA = N'{schema}'", StringComparison.Ordinal)) table.Rows.Add(name, type);
        }
        return table;
    }

    // sp_describe_first_result_set's leading columns: the name is at ordinal 2, the type at 5.
    private DataTable DescribedResult()
    {
        var table = new DataTable();
        table.Columns.Add("is_hidden", typeof(bool));
        table.Columns.Add("column_ordinal", typeof(int));
        table.Columns.Add("name", typeof(string));
        table.Columns.Add("is_nullable", typeof(bool));
        table.Columns.Add("system_type_id", typeof(int));
        table.Columns.Add("system_type_name", typeof(string));
        for (var i = 0; i < Described.Count; i++) table.Rows.Add(false, i + 1, Described[i].Name, true, 0, Described[i].Type);
        return table;
    }

    private DataTable ColumnsOf(string text)
    {
        const string marker = "TABLE_NAME = N'";
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var name = text[start..text.IndexOf('\'', start)];
        var helper = name.IndexOf("__forge_", StringComparison.Ordinal);
        if (!Columns.TryGetValue(name, out var columns) && helper > 0) Columns.TryGetValue(name[..helper], out columns);
        var table = new DataTable();
        table.Columns.Add("COLUMN_NAME", typeof(string));
        table.Columns.Add("DATA_TYPE", typeof(string));
        foreach (var (column, type) in columns ?? []) table.Rows.Add(column, type);
        return table;
    }
}
