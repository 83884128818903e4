using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using DuckDB.NET.Data;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.Seeds;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Seeds;

internal sealed class SeedExecutorTests
{
    private static NodeResult RunSeed(TempProject project, bool fullRefresh = false, string name = "orders")
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(new ProjectLoadOptions
        {
            ProjectDirectory = project.Root,
            HomeDirectory = Path.Combine(project.Root, ".home"),
            Environment = _ => null,
        }, diagnostics);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        var compiled = ProjectCompiler.Compile(loaded!, new CompileOptions { Command = "seed", FullRefresh = fullRefresh, Environment = _ => null }, diagnostics);
        Assert.That(compiled, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        using var resources = new WorkerResources(compiled!, loaded!.Target, new RelationCache(Compiler.Targets.DuckDb.DuckDbSql.Instance));
        var node = compiled!.Nodes.Values.Single(n => n.ResourceType == ResourceType.Seed && n.Name == name);
        return new SeedExecutor(compiled, resources).Run(node);
    }

    private static List<string> Columns(TempProject project, string table)
    {
        using var connection = new DuckDBConnection($"Data Source={project.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"select column_name || ' ' || data_type from information_schema.columns where table_name = '{table}' order by ordinal_position";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    [Test]
    public void A_seed_node_loads_with_its_config()
    {
        using var project = new TempProject().WithProjectFile("""
            seeds:
              demo:
                +delimiter: ";"
                +column_types: {amount: 'decimal(10,2)'}
            """).With("seeds/orders.csv", "id;amount\n1;2,5\n".Replace(",", "."));
        var result = RunSeed(project);
        Assert.That(result.Status, Is.EqualTo(NodeStatus.Success), result.Diagnostic?.ToString());
        Assert.That(result.Message, Is.EqualTo("INSERT 1"));
        Assert.That(result.RowsAffected, Is.EqualTo(1));
        Assert.That(Columns(project, "orders"), Is.EqualTo(new[] { "id BIGINT", "amount DECIMAL(10,2)" }));
    }

    [Test]
    public void Csv_errors_come_back_as_one_diagnostic_listing_the_others()
    {
        using var project = new TempProject().WithProjectFile().With("seeds/orders.csv", "a,b\n1\n2,3,4\n");
        var result = RunSeed(project);
        Assert.That(result.Status, Is.EqualTo(NodeStatus.Error));
        Assert.That(result.Diagnostic!.ToString(), Is.EqualTo("seeds/orders.csv:2:2: error MF1604: row has 1 fields, header has 2"));
        Assert.That(result.Diagnostic.Detail, Is.EqualTo("seeds/orders.csv:3:5: error MF1604: row has 3 fields, header has 2"));
    }

    [Test]
    public void A_changed_header_needs_full_refresh()
    {
        using var project = new TempProject().WithProjectFile().With("seeds/orders.csv", "id\n1\n");
        Assert.That(RunSeed(project).Status, Is.EqualTo(NodeStatus.Success));
        project.With("seeds/orders.csv", "id,name\n1,a\n");
        var result = RunSeed(project);
        Assert.That(result.Diagnostic!.Code, Is.EqualTo(DiagnosticCodes.Seeds.HeaderChangedCode));
        Assert.That(RunSeed(project, fullRefresh: true).Status, Is.EqualTo(NodeStatus.Success));
        Assert.That(Columns(project, "orders"), Is.EqualTo(new[] { "id BIGINT", "name VARCHAR" }));
    }

    [Test]
    public void A_database_error_names_the_seed_at_its_header()
    {
        using var project = new TempProject().WithProjectFile("""
            seeds:
              demo:
                +column_types: {id: no_such_type}
            """).With("seeds/orders.csv", "id\n1\n");
        var result = RunSeed(project);
        Assert.That(result.Status, Is.EqualTo(NodeStatus.Error));
        Assert.That(result.Diagnostic!.ToString(), Does.StartWith("seeds/orders.csv:1:1: error MF5001: database error in seed 'orders': "));
    }
}
