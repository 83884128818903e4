using System.Globalization;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Incremental;

/// <summary>
/// A project whose source table <c>raw.events</c> the test rewrites between runs, so each test reads
/// Given (source rows) / When (forge run) / Then (exact table contents).
/// </summary>
internal abstract class IncrementalTestBase
{
    protected TempProject Project { get; private set; } = null!;

    [SetUp]
    public void CreateProject()
    {
        Project = new TempProject("shop")
            .WithProjectFile()
            .With("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: events\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Project.DatabasePath)!);
        Execute("create schema raw");
    }

    [TearDown]
    public void DisposeProject() => Project.Dispose();

    protected void Execute(string sql) => Database.Execute(Project.DatabasePath, sql);

    protected ForgeResult Run(params string[] extra)
    {
        var result = Project.Forge(["run", .. extra]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    /// <summary>Every row of the query as "a|b|c", nulls as "∅", in the query's order.</summary>
    protected List<string> Rows(string sql) =>
        Database.Query(Project.DatabasePath, sql).Select(r => string.Join("|", r.Select(Format))).ToList();

    protected List<string> Columns(string schema, string table) =>
        Rows($"select column_name from information_schema.columns where table_schema = '{schema}' and table_name = '{table}' order by ordinal_position");

    /// <summary>Tables of the schema: helper tables of a failed run must not be left behind.</summary>
    protected List<string> Tables(string schema) =>
        Rows($"select table_name from information_schema.tables where table_schema = '{schema}' order by table_name");

    private static string Format(object? value) => value switch
    {
        null => "∅",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
