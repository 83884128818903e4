using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Targets;

public sealed class WarehouseAdaptersTests
{
    [Test]
    public void Every_registered_type_and_alias_finds_its_own_adapter_in_any_case()
    {
        foreach (var adapter in WarehouseAdapters.All)
        {
            foreach (var name in adapter.Aliases.Prepend(adapter.Type))
            {
                Assert.That(WarehouseAdapters.Find(name), Is.SameAs(adapter), name);
                Assert.That(WarehouseAdapters.Find(name.ToUpperInvariant()), Is.SameAs(adapter), name);
            }
            Assert.That(adapter.Sql.Type, Is.EqualTo(adapter.Type), "the SQL and the adapter name one warehouse");
        }
        Assert.That(WarehouseAdapters.Find("postgres"), Is.Null);
        Assert.That(WarehouseAdapters.KnownTypes, Is.EqualTo(new[] { "duckdb", "sqlserver" }));
    }

    [Test]
    public void Capabilities_carry_the_differences_as_data()
    {
        var duck = DuckDbAdapter.Instance.Capabilities;
        var sqlServer = SqlServerAdapter.Instance.Capabilities;
        Assert.That((duck.NestedCtes, duck.NativeBoolean, duck.QuoteOpen, duck.MaxIdentifierLength), Is.EqualTo((true, true, '"', 255)));
        Assert.That((sqlServer.NestedCtes, sqlServer.NativeBoolean, sqlServer.QuoteOpen, sqlServer.MaxIdentifierLength), Is.EqualTo((false, false, '[', 128)));
        Assert.That(duck.SeedTypes, Is.SameAs(SeedTypeMap.DuckDb));
        Assert.That(sqlServer.SeedTypes, Is.SameAs(SeedTypeMap.SqlServer));
    }

    [Test]
    public void The_old_per_concern_lookups_answer_from_the_adapter()
    {
        Assert.That(RelationQuoting.ForTargetType("sqlserver"), Is.SameAs(SqlServerAdapter.Instance.Quoting));
        Assert.That(ColumnFlavor.ForTargetType("sqlserver"), Is.SameAs(SqlServerAdapter.Instance.Flavor));
        Assert.That(RelationQuoting.ForTargetType(null), Is.SameAs(RelationQuoting.DuckDb), "no target: the embedded DuckDB default");
        Assert.That(SqlValidator.ForTarget("sqlserver"), Is.SameAs(TSqlValidator.Instance));
        Assert.That(SqlValidator.ForTarget("postgres"), Is.SameAs(SqlValidator.None));
    }

    [Test]
    public void A_misspelt_type_gets_a_suggestion_and_the_known_types()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckbd\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("profiles.yml:5:13: error MF1010: unsupported target type 'duckbd'"));
        Assert.That(d.Hint, Is.EqualTo("did you mean 'duckdb'? set type to one of: duckdb, sqlserver"));
    }

    [TestCase(null, "TSql160Parser")]
    [TestCase("2016", "TSql130Parser")]
    [TestCase("2019", "TSql150Parser")]
    [TestCase("2025", "TSql170Parser")]
    [TestCase("azure", "TSql180Parser")]
    [TestCase("fabric", "TSqlFabricDWParser")]
    public void Sql_server_version_picks_the_parser_of_the_validator_and_the_lineage(string? version, string parser)
    {
        using var dir = new TempProjectDirectory();
        var versionLine = version is null ? "" : $"      sql_server_version: {version}\n";
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: sqlserver\n      server: localhost\n      database: warehouse\n"
            + "      user: forge\n      password: x\n" + versionLine);
        var project = dir.LoadClean();
        var target = (SqlServerTargetProfile)project.Target;
        var validator = (TSqlValidator)WarehouseAdapters.For(target).Validator(target);
        Assert.That(validator.Grammar.ParserName, Is.EqualTo(parser));
        Assert.That(validator.Grammar.Create().GetType().Name, Is.EqualTo(parser));
        var lineage = (LineageTSqlParser)WarehouseAdapters.For(target).LineageParser(target)!;
        Assert.That(lineage.Grammar, Is.SameAs(validator.Grammar));
    }
}
