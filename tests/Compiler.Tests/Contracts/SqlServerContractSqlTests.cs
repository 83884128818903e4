using System.Text;
using ModelForge.Compiler.Contracts;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Compiler.Tests.Golden;
using ModelForge.Compiler.Tests.SqlServer;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Contracts;

/// <summary>The T-SQL forge generates for contracts and freshness: ScriptDom parses all of it, and it matches the golden file.</summary>
public sealed class SqlServerContractSqlTests
{
    private static readonly SqlServerSql Sql = SqlServerSql.Instance;
    private static readonly SourceSpan Span = new(new SourceText("models/schema.yml", ""), 0, 0);

    private const string Model = "with orders as (\n    select id, N'it''s' as note, amount from [raw].[orders]\n)\nselect * from orders";

    private static readonly ModelContract Contract = new(
        [
            new ContractColumn("order_id", "int", Span),
            new ContractColumn("note", "nvarchar(100)", Span),
            new ContractColumn("shipped_at", "timestamp", Span),
            new ContractColumn("is_paid", "boolean", Span),
            new ContractColumn("amount", "decimal(10,2)", Span),
            new ContractColumn("customer_id", "int", Span),
        ],
        [
            new ContractConstraint { Kind = ConstraintKind.NotNull, Columns = ["order_id"], ColumnLevel = true, Span = Span },
            new ContractConstraint { Kind = ConstraintKind.PrimaryKey, Columns = ["order_id"], ColumnLevel = true, Span = Span },
            new ContractConstraint { Kind = ConstraintKind.Unique, Columns = ["note"], ColumnLevel = true, Span = Span },
            new ContractConstraint { Kind = ConstraintKind.Check, Name = "positive_amount", Expression = "amount > 0", Columns = ["amount"], ColumnLevel = true, Span = Span },
            new ContractConstraint { Kind = ConstraintKind.ForeignKey, Columns = ["customer_id"], To = "ref('customers')", ToColumns = ["id"], ColumnLevel = true, Span = Span },
            new ContractConstraint { Kind = ConstraintKind.Unique, Columns = ["customer_id", "note"], Span = Span },
            new ContractConstraint { Kind = ConstraintKind.Check, Expression = "amount < 1000 or customer_id is null", Span = Span },
        ]);

    private static IEnumerable<(string Label, string Statement)> Statements()
    {
        foreach (var (db, schema, id) in new[] { ((string?)"warehouse", "analytics", "orders"), (null, "analytics", "orders"), ("ware]house", "o'brien", "odd]name") })
        {
            var where = $"{db ?? "(no database)"}.{schema}.{id}";
            var helper = Sql.HelperName(id, "tmp");
            yield return ($"describe {where}", Sql.DescribeQuery(Model));
            yield return ($"create table with contract {where}", Sql.CreateTableWithContract(db, schema, helper, Contract));
            yield return ($"fill from query {where}", Sql.InsertFromQuery(db, schema, helper, Contract.Columns.Select(c => c.Name).ToList(), Model));
            var relation = Sql.QualifiedName(db, schema, id);
            yield return ($"freshness {where}", Sql.FreshnessQuery(relation, "loaded_at", null));
            yield return ($"freshness with filter {where}", Sql.FreshnessQuery(relation, "dateadd(hour, -1, [loaded_at])", "status = N'done'"));
        }
    }

    [Test]
    public void Every_contract_and_freshness_statement_parses_as_TSql()
    {
        foreach (var (label, statement) in Statements()) TSqlAssert.Parses(statement, label);
    }

    [Test]
    public void Contract_and_freshness_statements_match_the_golden_file()
    {
        var text = new StringBuilder();
        foreach (var (label, statement) in Statements()) text.Append("-- ").Append(label).Append('\n').Append(statement).Append(";\n\n");
        GoldenFile.Verify("tests/Golden/Contracts/sqlserver-contracts.verified.sql", text.ToString());
    }

    [Test]
    public void Foreign_keys_and_constraint_names_are_left_out_of_the_DDL()
    {
        var ddl = Sql.CreateTableWithContract("warehouse", "analytics", "orders__forge_tmp", Contract);

        Assert.That(ddl, Does.Not.Contain("references").IgnoreCase);
        Assert.That(ddl, Does.Not.Contain("positive_amount"));
        Assert.That(ddl, Does.Contain("check (amount > 0)"));
    }

    [TestCase("int", "int")]
    [TestCase("integer", "int")]
    [TestCase("bool", "bit")]
    [TestCase("timestamp", "datetime2(7)")]
    [TestCase("datetime", "datetime2(7)")]
    [TestCase("varchar", "nvarchar(50)")]
    [TestCase("float", "float")]
    [TestCase("double", "float")]
    [TestCase("decimal(10,2)", "decimal(10,2)")]
    [TestCase("timestamptz", "datetimeoffset(7)")]
    public void Sql_server_type_names_match_their_aliases(string declared, string described) =>
        Assert.That(Sql.NormalizeType(declared).Accepts(Sql.NormalizeType(described)), Is.True);

    [Test]
    public void Described_columns_come_from_sp_describe_first_result_set()
    {
        Assert.That(Sql.DescribeQuery("select 1 as a"), Is.EqualTo("EXEC sp_describe_first_result_set @tsql = N'select 1 as a'"));
        Assert.That(Sql.DescribeColumnOrdinals, Is.EqualTo((2, 5)));
    }

    [TestCase("timestamp", "datetime2")]
    [TestCase("timestamp(3)", "datetime2(3)")]
    [TestCase("bool", "bit")]
    [TestCase("text", "nvarchar(max)")]
    [TestCase("varchar", "nvarchar(max)")]
    [TestCase("varchar(10)", "varchar(10)")]
    [TestCase("numeric(9,6)", "numeric(9,6)")]
    [TestCase("double precision", "float")]
    [TestCase("money", "money")]
    public void Portable_type_names_are_created_as_their_TSql_equivalent(string declared, string created) =>
        Assert.That(Sql.ColumnType(declared), Is.EqualTo(created));
}
