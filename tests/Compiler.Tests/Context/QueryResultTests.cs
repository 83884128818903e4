using NUnit.Framework;
using ModelForge.Compiler.Context;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class QueryResultTests
{
    private static QueryResult Sample() => new(
        ["id", "amount", "paid_at"],
        [[1, 9.5m, new DateTime(2024, 1, 2, 3, 4, 5)], [2, DBNull.Value, null]],
        ["INTEGER", "DECIMAL(10,2)", "TIMESTAMP"]);

    [Test]
    public void Rows_are_indexable_by_position_and_column_name()
    {
        var rows = (IList<object?>)Attr(Sample(), "rows")!;
        Assert.That(((QueryRow)rows[0]!)[0], Is.EqualTo(1L));
        Assert.That(Attr(rows[0], "amount"), Is.EqualTo(9.5m));
        Assert.That(((QueryRow)rows[1]!)[1], Is.Null);
    }

    [Test]
    public void Database_values_become_template_values()
    {
        var row = Sample().Rows[0];
        Assert.That(row[0], Is.TypeOf<long>());
        Assert.That(row[1], Is.TypeOf<decimal>());
        Assert.That(row[2]!.ToString(), Is.EqualTo("2024-01-02 03:04:05"));
    }

    [Test]
    public void Columns_are_reachable_by_position_and_name_with_their_values()
    {
        var columns = (IReadOnlyList<object?>)Attr(Sample(), "columns")!;
        Assert.That(Attr(columns[0], "name"), Is.EqualTo("id"));
        Assert.That(CallMethod(columns[0], "values"), Is.EqualTo(new object?[] { 1L, 2L }));
        Assert.That(CallMethod(Attr(columns, "amount"), "values"), Is.EqualTo(new object?[] { 9.5m, null }));
        Assert.That(Attr(columns[1], "data_type"), Is.EqualTo("DECIMAL(10,2)"));
    }

    [Test]
    public void Columns_are_a_mapped_sequence_with_items_and_get_as_in_agate()
    {
        var columns = Attr(Sample(), "columns");
        var items = (IList<object?>)CallMethod(columns, "items")!;
        Assert.That(items.Select(i => ((object?[])i!)[0]), Is.EqualTo(new[] { "id", "amount", "paid_at" }));
        Assert.That(Attr(((object?[])items[1]!)[1], "name"), Is.EqualTo("amount"));
        Assert.That(Attr(CallMethod(columns, "get", "paid_at"), "name"), Is.EqualTo("paid_at"));
        Assert.That(CallMethod(columns, "get", "missing", "fallback"), Is.EqualTo("fallback"));
    }

    [Test]
    public void Column_names_print_table_and_iteration()
    {
        var table = Sample();
        Assert.That(Attr(table, "column_names"), Is.EqualTo(new[] { "id", "amount", "paid_at" }));
        Assert.That(CallMethod(table, "print_table"), Is.EqualTo(""));
        Assert.That(table.Cast<QueryRow>().Select(r => r[0]), Is.EqualTo(new object?[] { 1L, 2L }));
    }

    [Test]
    public void A_row_prints_as_a_tuple_and_converts_to_a_dict()
    {
        var row = Sample().Rows[1];
        Assert.That(row.ToString(), Is.EqualTo("(2, None, None)"));
        Assert.That(CallMethod(row, "dict"), Is.EqualTo(new Dictionary<string, object?> { ["id"] = 2L, ["amount"] = null, ["paid_at"] = null }));
    }
}
