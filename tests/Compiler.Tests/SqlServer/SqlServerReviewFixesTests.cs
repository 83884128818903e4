using System.Text;
using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Tests.Context;
using ModelForge.Compiler.Contracts;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

/// <summary>
/// The fixes of the SQL Server review (issue 15) that a parser can pin: the exact statements
/// (golden, every one parsed by ScriptDom) and the logic behind them.
/// </summary>
public sealed class SqlServerReviewFixesTests
{
    private static readonly SqlServerSql Sql = SqlServerSql.Instance;
    private static readonly string Target = Sql.QualifiedName("warehouse", "analytics", "orders");
    private static readonly string Staging = Sql.QualifiedName("warehouse", "analytics", "orders__forge_incr");

    private static readonly SourceSpan Span = new(new SourceText("models/schema.yml", ""), 0, 0);

    private static readonly ModelContract KeyedContract = new(
        [new ContractColumn("id", "int", Span), new ContractColumn("code", "varchar(10)", Span)],
        [
            new ContractConstraint { Kind = ConstraintKind.NotNull, Columns = ["id"], ColumnLevel = true, Span = Span },
            new ContractConstraint { Kind = ConstraintKind.PrimaryKey, Columns = ["id"], ColumnLevel = true, Span = Span },
            new ContractConstraint { Kind = ConstraintKind.Unique, Columns = ["code"], ColumnLevel = false, Span = Span },
        ]);

    private static readonly Dictionary<string, object?> Columnstore = new() { ["as_columnstore"] = true };

    private static readonly Dictionary<string, object?> Granted = new()
    {
        ["grants"] = new Dictionary<string, object?> { ["select"] = new List<object?> { "reporting", "odd]role" }, ["view definition"] = "auditor" },
    };

    private static IEnumerable<(string Label, string Statement)> Statements()
    {
        yield return ("grants on a swapped-in table", Sql.ApplyGrants("warehouse", "analytics", "orders", Granted, revokeOthers: false).Single());
        yield return ("grants on an existing object: others revoked", Sql.ApplyGrants(null, "o'brien", "orders", Granted, revokeOthers: true).Single());
        yield return ("contract keys are nonclustered beside a clustered columnstore index",
            Sql.CreateTableWithContract("warehouse", "analytics", "orders", KeyedContract, Columnstore));
        yield return ("table from a query: no IDENTITY, no NOT NULL, helper view dropped on failure",
            Sql.CreateTableAs("warehouse", "analytics", "orders__forge_tmp", "with a as (select 1 as id) select * from a"));
        yield return ("merge leaves the key out of UPDATE SET", Sql.Merge(Target, Staging, ["id"], ["id", "amount"], ["id", "amount"]));
        yield return ("merge limited by incremental_predicates",
            Sql.Merge(Target, Staging, ["id"], ["id", "amount"], ["amount"], ["DBT_INTERNAL_DEST.created_at > dateadd(day, -7, sysdatetime())"]));
        yield return ("delete+insert limited by incremental_predicates",
            Sql.DeleteMatching(Target, Staging, ["id"], ["DBT_INTERNAL_DEST.created_at > dateadd(day, -7, sysdatetime())", "dbt_internal_source.id > 0"]));
        yield return ("reserved-word keys are quoted", Sql.DeleteMatching(Target, Staging, ["order", "user id"]));
        yield return ("duplicate keys leave null keys out", Sql.DuplicateKeys(Staging, ["order"], 1));
        yield return ("a column the batch left out takes nulls", Sql.AllowNulls(Target, "legacy", "nvarchar(50)")!);
        yield return ("list columns: xml has no length", Sql.ListColumns("warehouse", "analytics", "orders"));
        yield return ("scd id of a datetime updated_at", $"select {Sql.Hash(["id", Sql.HashableTimestamp("updated_at")])} as h from t");
        yield return ("check strategy sees case and trailing spaces", $"select 1 from c join s on c.id = s.id where {Sql.ValuesDiffer("c.[name]", "s.[name]")}");
        yield return ("preview of a query with a leading WITH", Sql.LimitRows("with a as (select 1 as id) select * from a", 5));
        yield return ("preview of a query ending in ORDER BY", Sql.LimitRows("with a as (select 1 as id) select * from a order by id", 5));
        yield return ("preview of a plain query", Sql.LimitRows("select 1 as id", 5));
        yield return ("a test query ending in ORDER BY, nested in the count wrapper",
            $"select count(*) from (\n{Sql.Nestable("select id from t where id < 0 order by id")}\n) dbt_internal_test");
    }

    [Test]
    public void Every_statement_of_the_review_fixes_parses_as_TSql()
    {
        foreach (var (label, statement) in Statements()) TSqlAssert.Parses(statement, label);
    }

    [Test]
    public void Statements_of_the_review_fixes_match_the_golden_file()
    {
        var text = new StringBuilder();
        foreach (var (label, statement) in Statements()) text.Append("-- ").Append(label).Append('\n').Append(statement.TrimEnd(';')).Append(";\n\n");
        GoldenFile.Verify("tests/Golden/SqlServer/review-fixes.verified.sql", text.ToString());
    }

    [TestCase("numeric", "decimal(10,2)", "numeric(10,2)")]
    [TestCase("decimal", "numeric(38,6)", "decimal(38,6)")]
    [TestCase("numeric", "int", "numeric")]
    [TestCase("numeric(12,4)", "decimal(10,2)", "numeric(12,4)")]
    [TestCase("char", "varchar(10)", "char(10)")]
    [TestCase("nchar", "varchar(3)", "nchar(3)")]
    [TestCase("char", "nvarchar(10)", "nchar(10)")]
    [TestCase("varchar", "varchar(50)", "varchar(50)")]
    [TestCase("varchar", "nvarchar(50)", "nvarchar(50)")]
    [TestCase("string", "varchar(50)", "varchar(50)")]
    [TestCase("text", "nvarchar(max)", "nvarchar(max)")]
    [TestCase("nvarchar", "varchar(20)", "nvarchar(20)")]
    [TestCase("binary", "binary(16)", "binary(16)")]
    [TestCase("varbinary", "varbinary(32)", "varbinary(32)")]
    [TestCase("varchar(20)", "varchar(50)", "varchar(20)")]
    [TestCase("int", "int", "int")]
    public void Contract_types_without_length_or_precision_take_them_from_the_query(string declared, string described, string created) =>
        Assert.That(Sql.ContractColumnType(declared, described), Is.EqualTo(created));

    [Test]
    public void A_contract_type_is_kept_when_the_query_type_is_unknown() =>
        Assert.That(Sql.ContractColumnType("numeric", null), Is.EqualTo("numeric"));

    [TestCase("numeric", true)]
    [TestCase(" Decimal ", true)]
    [TestCase("numeric(10,2)", false)]
    [TestCase("int", false)]
    public void Numeric_without_precision_is_recognized(string declared, bool expected) =>
        Assert.That(SqlServerSql.IsDecimalWithoutPrecision(declared), Is.EqualTo(expected));

    [Test]
    public void A_table_from_a_query_is_not_a_plain_SELECT_INTO()
    {
        var statement = Sql.CreateTableAs(null, "analytics", "orders", "select 1 as id");
        Assert.That(statement, Does.Not.Contain("SELECT * INTO"));
        Assert.That(statement, Does.Contain("LEFT JOIN").And.Contain("WHERE 1 = 0").And.Contain("INSERT INTO [analytics].[orders] WITH (TABLOCK)"));
        // The helper view is dropped in the CATCH block and after it.
        Assert.That(statement.Split("DROP VIEW IF EXISTS").Length - 1, Is.EqualTo(2));
    }

    [Test]
    public void Merge_does_not_update_the_unique_key()
    {
        var statement = Sql.Merge(Target, Staging, ["[id]"], ["id", "amount"], ["id", "amount"]);
        Assert.That(statement, Does.Contain("UPDATE SET [amount] = forge_source.[amount]\n"));
        Assert.That(statement, Does.Not.Contain("[id] = forge_source.[id],"));
    }

    [TestCase("order", "[order]")]
    [TestCase("user id", "[user id]")]
    [TestCase("[key]", "[key]")]
    [TestCase("odd]name", "[odd]]name]")]
    public void Unique_key_columns_are_quoted(string key, string quoted) =>
        Assert.That(Sql.KeyColumn(key), Is.EqualTo(quoted));

    [Test]
    public void The_scd_id_hashes_a_timestamp_with_style_121() =>
        Assert.That(Sql.HashableTimestamp("updated_at"), Is.EqualTo("convert(nvarchar(64), updated_at, 121)"));

    [Test]
    public void The_check_strategy_also_compares_the_bytes_of_equal_values()
    {
        var differs = Sql.ValuesDiffer("c.x", "s.x");
        Assert.That(differs, Does.StartWith("(c.x <> s.x or"));
        Assert.That(differs, Does.Contain("(c.x = s.x and cast(concat(c.x, N'') as varbinary(max)) <> cast(concat(s.x, N'') as varbinary(max)))"));
    }

    [Test]
    public void A_preview_moves_the_leading_WITH_above_the_TOP_wrapper() =>
        Assert.That(Sql.LimitRows("with a as (select 1 as id) select * from a", 3),
            Is.EqualTo("with a as (select 1 as id)\nselect top (3) *\nfrom (\nselect * from a\n) forge_limited"));

    [Test]
    public void A_preview_of_an_ordered_query_pages_with_OFFSET_FETCH() =>
        Assert.That(Sql.LimitRows("select 1 as id order by id;", 3), Is.EqualTo("select 1 as id order by id\noffset 0 rows fetch next 3 rows only"));

    [Test]
    public void A_preview_of_an_ordered_TOP_query_keeps_the_wrapper() =>
        Assert.That(Sql.LimitRows("select top (10) id from t order by id", 3), Does.StartWith("select top (3) *\nfrom ("));

    [Test]
    public void The_hash_macro_hashes_UTF8_bytes_on_SqlServer()
    {
        var sql = CrossDatabaseMacroTests.Render("sqlserver", "{{ hash('s') }}");
        Assert.That(sql, Is.EqualTo("lower(convert(char(32), hashbytes('MD5', cast(cast(s as nvarchar(max)) collate Latin1_General_100_BIN2_UTF8 as varchar(max))), 2))"));
        TSqlAssert.Parses(CrossDatabaseMacroTests.Query(sql));
    }

    [TestCase("2016"), TestCase("2017")]
    public void The_hash_macro_hashes_UTF16_bytes_where_SqlServer_has_no_UTF8_collation(string version)
    {
        var harness = new RenderHarness();
        harness.Context.Target = new TargetInfo("dev", "sqlserver", "analytics", "warehouse") { Extra = new Dictionary<string, object?> { ["sql_server_version"] = long.Parse(version) } };
        var sql = harness.Render("{{ hash('s') }}");
        Assert.That(sql, Is.EqualTo("lower(convert(char(32), hashbytes('MD5', cast(s as nvarchar(max))), 2))"));
        Assert.That(TSqlGrammar.Find(version)!.Create().Parse(new StringReader(CrossDatabaseMacroTests.Query(sql)), out var errors), Is.Not.Null);
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Datediff_in_seconds_and_finer_uses_DATEDIFF_BIG()
    {
        Assert.That(CrossDatabaseMacroTests.Render("sqlserver", "{{ datediff('d', 'ts', 'millisecond') }}"), Is.EqualTo("datediff_big(millisecond, d, ts)"));
        Assert.That(CrossDatabaseMacroTests.Render("sqlserver", "{{ datediff('d', 'ts', 'day') }}"), Is.EqualTo("datediff(day, d, ts)"));
    }

    [Test]
    public void Type_string_does_not_truncate() =>
        Assert.That(CrossDatabaseMacroTests.Render("sqlserver", "{{ type_string() }}"), Is.EqualTo("nvarchar(max)"));

    [Test]
    public void Accepted_values_are_Unicode_literals_on_SqlServer()
    {
        var sql = CrossDatabaseMacroTests.Render("sqlserver", "{{ test_accepted_values('t', 'city', ['Łódź', \"it's\"]) }}");
        Assert.That(sql, Does.Contain("not in (N'Łódź', N'it''s')"));
        TSqlAssert.Parses(sql);
        Assert.That(CrossDatabaseMacroTests.Render("duckdb", "{{ test_accepted_values('t', 'city', ['Łódź']) }}"), Does.Contain("not in ('Łódź')"));
    }

    [TestCase("varchar(50)", "varchar(100)", "varchar(100)")]
    [TestCase("nvarchar(50)", "nvarchar(max)", "nvarchar(max)")]
    [TestCase("char(5)", "varchar(8)", "char(8)")]
    [TestCase("varbinary(16)", "binary(32)", "varbinary(32)")]
    [TestCase("varchar(100)", "varchar(50)", null)]
    [TestCase("varchar(50)", "nvarchar(100)", null)]
    [TestCase("int", "bigint", null)]
    [TestCase("decimal(10,2)", "decimal(12,2)", null)]
    public void Table_columns_widen_to_hold_longer_strings(string target, string batch, string? widened) =>
        Assert.That(Sql.WidenedColumnType(target, batch), Is.EqualTo(widened));

    [TestCase("varchar(100)", "varchar(50)", true)]
    [TestCase("nvarchar(max)", "nvarchar(10)", true)]
    [TestCase("varchar(10)", "varchar(50)", false)]
    [TestCase("varchar(50)", "nvarchar(10)", false)]
    [TestCase("datetime2(7)", "datetime2(6)", false)]
    public void A_column_that_holds_the_batch_type_is_not_retyped(string target, string batch, bool holds) =>
        Assert.That(Sql.HoldsColumnType(target, batch), Is.EqualTo(holds));

    [Test]
    public void Contract_keys_are_nonclustered_when_the_table_has_a_clustered_index_from_config()
    {
        var statement = Sql.CreateTableWithContract(null, "analytics", "orders", KeyedContract, Columnstore);
        Assert.That(statement, Does.Contain("[id] int not null primary key nonclustered,").And.Contain("unique nonclustered ([code])"));
        var clusteredIndex = new Dictionary<string, object?> { ["indexes"] = new List<object?> { new Dictionary<string, object?> { ["columns"] = new List<object?> { "code" }, ["type"] = "clustered" } } };
        Assert.That(Sql.CreateTableWithContract(null, "analytics", "orders", KeyedContract, clusteredIndex), Does.Contain("primary key nonclustered"));
    }

    [Test]
    public void Contract_keys_keep_the_default_without_a_clustered_index_from_config() =>
        Assert.That(Sql.CreateTableWithContract(null, "analytics", "orders", KeyedContract, new Dictionary<string, object?>()),
            Does.Not.Contain("nonclustered"));

    [Test]
    public void Snapshot_times_come_from_the_server_clock() =>
        Assert.That(Sql.SnapshotTimestamp(DateTimeOffset.UnixEpoch), Is.EqualTo("cast(sysdatetime() as datetime2(6))"));

    [Test]
    public void An_incremental_model_with_a_unique_key_merges_by_default_as_in_dbt_sqlserver()
    {
        Assert.That(Sql.DefaultIncrementalStrategy(hasUniqueKey: true), Is.EqualTo("merge"));
        Assert.That(Sql.DefaultIncrementalStrategy(hasUniqueKey: false), Is.EqualTo("append"));
    }

    [Test]
    public void Grants_become_privilege_and_grantee_pairs()
    {
        Assert.That(SqlServerSql.Grants(Granted), Is.EqualTo(new[] { ("SELECT", "reporting"), ("SELECT", "odd]role"), ("VIEW DEFINITION", "auditor") }));
        Assert.That(Sql.ApplyGrants(null, "analytics", "orders", new Dictionary<string, object?>(), revokeOthers: true), Is.Empty);
    }

    [Test]
    public void A_privilege_that_is_not_keywords_is_not_granted() =>
        Assert.That(SqlServerSql.Grants(new Dictionary<string, object?> { ["grants"] = new Dictionary<string, object?> { ["select; drop table x"] = "a" } }), Is.Empty);

    [Test]
    public void Grants_revoke_only_what_is_not_configured_on_an_existing_object()
    {
        var batch = Sql.ApplyGrants(null, "analytics", "orders", Granted, revokeOthers: true).Single();
        Assert.That(batch, Does.Contain("sys.database_permissions").And.Contain("(VALUES (N''SELECT'', N''reporting''), (N''SELECT'', N''odd]role''), (N''VIEW DEFINITION'', N''auditor''))"));
        Assert.That(batch, Does.Contain("GRANT SELECT ON OBJECT::[analytics].[orders] TO [odd]]role];"));
    }

    [Test]
    public void Incremental_predicates_limit_the_merge_and_the_delete()
    {
        string[] predicates = ["DBT_INTERNAL_DEST.region = N'eu'"];
        Assert.That(Sql.Merge(Target, Staging, ["id"], ["id"], [], predicates), Does.Contain("ON (forge_source.[id] = forge_target.[id] AND (forge_target.region = N'eu'))"));
        Assert.That(Sql.DeleteMatching(Target, Staging, ["id"], predicates), Does.EndWith(")\n  AND (forge_target.region = N'eu')"));
        Assert.That(Sql.Merge(Target, Staging, ["id"], ["id"], [], []), Is.EqualTo(Sql.Merge(Target, Staging, ["id"], ["id"], [])));
    }

    [Test]
    public void A_contract_fill_drops_its_helper_view_also_when_the_insert_fails()
    {
        var statement = Sql.InsertFromQuery(null, "analytics", "orders__forge_tmp", ["id"], "select 1 as id");
        Assert.That(statement, Does.Contain("BEGIN CATCH\n    IF XACT_STATE() <> -1 EXEC(N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]');\n    THROW;"));
        TSqlAssert.Parses(statement);
    }

    [Test]
    public void A_query_ending_in_ORDER_BY_becomes_nestable_with_OFFSET()
    {
        Assert.That(Sql.Nestable("select id from t order by id"), Is.EqualTo("select id from t order by id\noffset 0 rows"));
        Assert.That(Sql.Nestable("select id from t"), Is.EqualTo("select id from t"));
        Assert.That(Sql.Nestable("select top (3) id from t order by id"), Is.EqualTo("select top (3) id from t order by id"));
    }
}
