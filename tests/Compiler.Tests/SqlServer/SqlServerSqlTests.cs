using System.Text;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

public sealed class SqlServerSqlTests
{
    private static readonly SqlServerSql Sql = SqlServerSql.Instance;

    private const string Model = "with orders as (\n    select id, 'it''s' as note from [raw].[orders]\n)\nselect * from orders";

    /// <summary>Every statement the target writes, with and without a database part and with awkward names.</summary>
    private static IEnumerable<(string Label, string Statement)> Statements()
    {
        foreach (var (db, schema, id) in new[] { ((string?)"warehouse", "analytics", "orders"), (null, "analytics", "orders"), ("ware]house", "o'brien", "odd]name") })
        {
            var where = $"{db ?? "(no database)"}.{schema}.{id}";
            yield return ($"create schema {where}", Sql.CreateSchemaIfNotExists(db, schema));
            yield return ($"list relations {where}", Sql.ListRelations(db, schema));
            yield return ($"create view {where}", Sql.CreateView(db, schema, id, Model));
            yield return ($"create table as {where}", Sql.CreateTableAs(db, schema, Sql.HelperName(id, "tmp"), Model));
            yield return ($"drop table {where}", Sql.Drop(db, schema, id, RelationKind.Table));
            yield return ($"drop view {where}", Sql.Drop(db, schema, id, RelationKind.View));
            yield return ($"rename table {where}", Sql.Rename(db, schema, id, Sql.HelperName(id, "backup"), RelationKind.Table));
            yield return ($"refresh dependent views {where}", Sql.RefreshDependentViews(db, schema, id));
            var config = new Dictionary<string, object?>
            {
                ["as_columnstore"] = true,
                ["indexes"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["columns"] = new List<object?> { "id" }, ["unique"] = true, ["type"] = "clustered" },
                    new Dictionary<string, object?> { ["columns"] = new List<object?> { "customer_id", "ordered_at" }, ["include"] = new List<object?> { "amount" } },
                },
            };
            foreach (var option in Sql.TableOptions(db, schema, id, config)) yield return ($"table option {where}", option);
            // persist_docs: quotes doubled inside N'' literals, non-Latin text kept.
            yield return ($"persist_docs table {where}", Sql.CommentOnRelation(db, schema, id, RelationKind.Table, "Orders of 'the' shop — zamówienia, 注文"));
            yield return ($"persist_docs view {where}", Sql.CommentOnRelation(db, schema, id, RelationKind.View, "A view"));
            yield return ($"persist_docs column {where}", Sql.CommentOnColumn(db, schema, id, RelationKind.Table, "o'col]x", "It's the id"));
        }
        yield return ("begin", Sql.BeginTransaction);
        yield return ("prologue", Sql.TransactionPrologue);
        yield return ("commit", Sql.Commit);
        yield return ("rollback", Sql.Rollback);
    }

    [Test]
    public void Every_generated_statement_parses_as_TSql()
    {
        foreach (var (label, statement) in Statements()) TSqlAssert.Parses(statement, label);
    }

    [Test]
    public void Generated_statements_match_the_golden_file()
    {
        var text = new StringBuilder();
        foreach (var (label, statement) in Statements()) text.Append("-- ").Append(label).Append('\n').Append(statement).Append(";\n\n");
        GoldenFile.Verify("tests/Golden/SqlServer/target-sql.verified.sql", text.ToString());
    }

    [Test]
    public void Names_are_bracketed_with_closing_brackets_doubled()
    {
        Assert.That(Sql.Quote("odd]name"), Is.EqualTo("[odd]]name]"));
        Assert.That(Sql.QualifiedName("db", "s", "t"), Is.EqualTo("[db].[s].[t]"));
        Assert.That(Sql.QualifiedName(null, "s", "t"), Is.EqualTo("[s].[t]"));
    }

    [Test]
    public void Literals_are_unicode_with_quotes_doubled()
    {
        Assert.That(Sql.Literal("o'brien"), Is.EqualTo("N'o''brien'"));
    }

    [Test]
    public void View_ddl_runs_as_dynamic_sql_with_quotes_doubled_and_no_GO()
    {
        var statement = Sql.CreateView(null, "analytics", "orders", "select 'a' as x");
        Assert.That(statement, Is.EqualTo("EXEC(N'CREATE OR ALTER VIEW [analytics].[orders] AS\nselect ''a'' as x')"));
        Assert.That(Sql.CreateView("warehouse", "analytics", "orders", "select 1 as x"),
            Does.StartWith("EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[orders] AS"));
        Assert.That(statement, Does.Not.Contain("\nGO"));
    }

    [Test]
    public void Schema_creation_is_serialized_with_an_application_lock()
    {
        var statement = Sql.CreateSchemaIfNotExists(null, "analytics");
        Assert.That(statement, Does.Contain("sp_getapplock"));
        Assert.That(statement, Does.Contain("IF SCHEMA_ID(N''analytics'') IS NULL EXEC(N''CREATE SCHEMA [analytics]'')"));
    }

    [Test]
    public void Helper_names_fit_the_128_character_limit()
    {
        var identifier = new string('x', 127);
        var temp = Sql.HelperName(identifier, "tmp");
        var view = Sql.HelperName(temp, "vw");
        Assert.That(temp.Length, Is.LessThanOrEqualTo(128));
        Assert.That(view.Length, Is.LessThanOrEqualTo(128));
        Assert.That(Sql.HelperName(new string('x', 126) + "a", "tmp"), Is.Not.EqualTo(Sql.HelperName(new string('x', 126) + "b", "tmp")));
    }

    [Test]
    public void Index_names_derived_from_long_column_lists_fit_the_limit()
    {
        var columns = Enumerable.Range(0, 20).Select(i => (object?)$"a_rather_long_column_name_{i}").ToList();
        var config = new Dictionary<string, object?> { ["indexes"] = new List<object?> { new Dictionary<string, object?> { ["columns"] = columns } } };
        var statement = Sql.TableOptions(null, "s", "t", config).Single();
        var name = statement.Split('[', ']')[1];
        Assert.That(name.Length, Is.LessThanOrEqualTo(128));
        TSqlAssert.Parses(statement);
    }

    [Test]
    public void A_columnstore_table_keeps_its_rowstore_indexes_nonclustered()
    {
        var config = new Dictionary<string, object?>
        {
            ["as_columnstore"] = "true",
            ["indexes"] = new List<object?> { new Dictionary<string, object?> { ["columns"] = "id", ["type"] = "clustered" } },
        };
        Assert.That(Sql.TableOptions(null, "s", "t", config), Is.EqualTo(new[]
        {
            "CREATE CLUSTERED COLUMNSTORE INDEX [cci] ON [s].[t]",
            "CREATE NONCLUSTERED INDEX [ix_id] ON [s].[t] ([id])",
        }));
    }

    [Test]
    public void Tables_without_options_get_no_extra_statements()
    {
        Assert.That(Sql.TableOptions(null, "s", "t", new Dictionary<string, object?>()), Is.Empty);
        Assert.That(Sql.TableOptions(null, "s", "t", new Dictionary<string, object?> { ["as_columnstore"] = false }), Is.Empty);
    }

    [Test]
    public void Tables_are_built_through_a_helper_view_so_a_model_may_start_with_WITH()
    {
        var statement = Sql.CreateTableAs(null, "analytics", "orders__forge_tmp", Model);
        Assert.That(statement, Does.Contain("INSERT INTO [analytics].[orders__forge_tmp] WITH (TABLOCK) SELECT * FROM [analytics].[orders__forge_tmp__forge_vw]"));
        Assert.That(statement, Does.EndWith("EXEC(N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]')"));
    }
}
