using ModelForge.Compiler.Contracts;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets.DuckDb;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Contracts;

public sealed class ContractComparerTests
{
    private static readonly SourceSpan Span = new(new SourceText("models/schema.yml", ""), 0, 0);

    private static ModelContract Contract(params (string Name, string Type)[] columns) =>
        new(columns.Select(c => new ContractColumn(c.Name, c.Type, Span)).ToList(), []);

    private static IReadOnlyList<ContractMismatch> Compare(ModelContract contract, params (string Name, string Type)[] query) =>
        ContractComparer.Compare(contract, query.Select(q => new DescribedColumn(q.Name, q.Type)).ToList(), DuckDbSql.Instance.NormalizeType);

    [Test]
    public void Matching_columns_in_another_order_and_case_have_no_mismatch() =>
        Assert.That(Compare(Contract(("id", "int"), ("Name", "text")), ("name", "VARCHAR"), ("ID", "INTEGER")), Is.Empty);

    [Test]
    public void A_column_missing_from_the_query_is_reported() =>
        Assert.That(Compare(Contract(("id", "int"), ("name", "text")), ("id", "INTEGER")),
            Is.EqualTo(new[] { new ContractMismatch("name", MismatchKind.MissingInQuery, null, "text") }));

    [Test]
    public void A_column_missing_from_the_contract_is_reported() =>
        Assert.That(Compare(Contract(("id", "int")), ("id", "INTEGER"), ("extra", "DATE")),
            Is.EqualTo(new[] { new ContractMismatch("extra", MismatchKind.MissingInContract, "DATE", null) }));

    [Test]
    public void A_type_mismatch_is_reported_with_both_types() =>
        Assert.That(Compare(Contract(("id", "bigint")), ("id", "INTEGER")),
            Is.EqualTo(new[] { new ContractMismatch("id", MismatchKind.DataTypeMismatch, "INTEGER", "bigint") }));

    [Test]
    public void The_table_aligns_every_kind_in_one_block()
    {
        var table = ContractComparer.FormatTable(Compare(Contract(("id", "bigint"), ("gone", "date")), ("id", "INTEGER"), ("extra", "VARCHAR")));

        Assert.That(table, Is.EqualTo("""
            | column_name | definition_type | contract_type | mismatch_reason       |
            | ----------- | --------------- | ------------- | --------------------- |
            | id          | INTEGER         | bigint        | data type mismatch    |
            | gone        |                 | date          | missing in definition |
            | extra       | VARCHAR         |               | missing in contract   |
            """));
    }
}
