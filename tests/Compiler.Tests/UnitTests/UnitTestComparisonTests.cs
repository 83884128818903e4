using ModelForge.Compiler.UnitTests;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.UnitTests;

/// <summary>Expected and actual rows compare as multisets; a difference reads as two tables side by side.</summary>
public sealed class UnitTestComparisonTests
{
    private static readonly string[] Columns = ["id", "status"];

    private static List<IReadOnlyList<string?>> Rows(params string?[][] rows) => rows.Select(r => (IReadOnlyList<string?>)r).ToList();

    [Test]
    public void Row_order_does_not_matter() =>
        Assert.That(UnitTestComparison.Diff(Columns, Rows(["1", "placed"], ["2", null]), Rows(["2", null], ["1", "placed"])), Is.Null);

    [Test]
    public void A_duplicate_row_counts()
    {
        var diff = UnitTestComparison.Diff(Columns, Rows(["1", "placed"], ["1", "placed"]), Rows(["1", "placed"]));

        Assert.That(diff, Is.EqualTo(
            "actual rows differ from expected: 2 expected rows, 1 actual row, 1 matched; differing cells in [brackets]\n" +
            "    expected    || actual\n" +
            "    id | status || id | status\n" +
            "    1  | placed || (no such row)"));
    }

    [Test]
    public void Each_expected_row_sits_beside_the_actual_row_most_like_it_with_differing_cells_marked()
    {
        var diff = UnitTestComparison.Diff(Columns, Rows(["1", "placed"], ["2", "returned"]), Rows(["2", "shipped"], ["1", "placed"], ["3", null]));

        Assert.That(diff, Is.EqualTo(
            "actual rows differ from expected: 2 expected rows, 3 actual rows, 1 matched; differing cells in [brackets]\n" +
            "    expected        || actual\n" +
            "    id | status     || id | status\n" +
            "    2  | [returned] || 2  | [shipped]\n" +
            "    (no such row)   || 3  | null"));
    }
}
