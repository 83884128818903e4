using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Tests.Context;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer.Shims;

/// <summary>
/// Renders models against the built-in macros, the built-in T-SQL shims and small hand-written
/// stand-ins for dbt_utils, dbt_date and dbt_expectations (Packages/*.sql), for a SQL Server target.
/// The fake database answers every query with 10 (get_intervals_between's row count).
/// </summary>
internal sealed class ShimHarness
{
    public static readonly string[] PackageNames = ["dbt_utils", "dbt_date", "dbt_expectations"];

    private static readonly TemplateEngine Engine = new();

    public ShimHarness(string targetType = "sqlserver", bool withShims = true)
    {
        Context.Macros.AddRange(MacroRegistry.BuiltinPackage, BuiltinMacros.Load(Engine));
        if (withShims) Context.Macros.AddTsqlShims(Engine);
        foreach (var package in PackageNames) AddPackage(package, PackageText(package));
        Context.Target = new TargetInfo("dev", targetType, "analytics", "warehouse");
        Context.Adapter = Adapter;
        Adapter.NextResult = new QueryResult(["n"], [[10L]]);
        Adapter.Relations["analytics.orders"] = new Relation("warehouse", "analytics", "orders", RelationType.Table, RelationQuoting.DuckDb);
    }

    public ContextHarness Context { get; } = new();

    public FakeAdapter Adapter { get; } = new();

    public static string PackageText(string package) =>
        File.ReadAllText(RepositoryRoot.Resolve($"tests/Compiler.Tests/SqlServer/Shims/Packages/{package}.sql"));

    public ShimHarness AddPackage(string package, string text)
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText($"dbt_packages/{package}/macros/{package}.sql", text), bag);
        Assert.That(bag.ToList(), Is.Empty, $"{package} should parse");
        Context.Macros.AddTemplate(package, template);
        return this;
    }

    public string Render(string model)
    {
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText("models/m.sql", model), bag);
        Assert.That(bag.ToList(), Is.Empty, "model should parse");
        return Engine.Render(template, ContextBuilder.CreateContext(Context.Project(), Context.Node())).Text;
    }
}
