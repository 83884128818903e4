using System.Text;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer.Shims;

/// <summary>
/// The built-in T-SQL shims make dbt_utils, dbt_date and dbt_expectations calls compile to valid
/// T-SQL with no tsql_utils package: each call renders for a SQL Server target, ScriptDom parses
/// it (nested in a CTE where a package nests it), and the whole set is kept as a golden file.
/// </summary>
public sealed class TsqlShimTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        new[] { ("dbt_utils", ShimCases.DbtUtils), ("dbt_date", ShimCases.DbtDate), ("dbt_expectations", ShimCases.DbtExpectations) }
            .SelectMany(p => p.Item2.Select(c => new TestCaseData(c).SetName($"{p.Item1} {c.Name} renders as valid T-SQL")));

    [TestCaseSource(nameof(Cases))]
    public void Shimmed_call_renders_as_valid_TSql(ShimCase shimCase)
    {
        var rendered = new ShimHarness().Render(shimCase.Template).Trim();
        foreach (var statement in shimCase.Statements(rendered)) TSqlAssert.Parses(statement, shimCase.Name);
        Assert.That(GroupsByPosition(rendered), Is.False, "T-SQL has no GROUP BY 1 (error 164, which ScriptDom does not see)");
    }

    private static bool GroupsByPosition(string sql) =>
        System.Text.RegularExpressions.Regex.IsMatch(sql, @"group\s+by\s+\d", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [TestCase("dbt_utils")]
    [TestCase("dbt_date")]
    [TestCase("dbt_expectations")]
    public void Every_shim_of_a_package_renders_as_in_the_golden_file(string package)
    {
        var cases = package switch
        {
            "dbt_utils" => ShimCases.DbtUtils,
            "dbt_date" => ShimCases.DbtDate,
            _ => ShimCases.DbtExpectations,
        };
        var text = new StringBuilder();
        foreach (var shimCase in cases)
        {
            text.Append("-- ").Append(shimCase.Name).Append(": ").Append(shimCase.Template).Append('\n');
            text.Append(Normalise(new ShimHarness().Render(shimCase.Template))).Append("\n\n");
        }
        GoldenFile.Verify($"tests/Golden/SqlServer/tsql-shims-{package}.verified.sql", text.ToString());
    }

    [Test]
    public void Without_the_shims_the_package_defaults_are_not_TSql()
    {
        // Guards the fixture: each stand-in default is SQL that T-SQL rejects, so the test above
        // can only pass because a shim was dispatched to.
        var harness = new ShimHarness(withShims: false);
        var parsing = new List<string>();
        foreach (var shimCase in ShimCases.DbtUtils.Concat(ShimCases.DbtDate).Concat(ShimCases.DbtExpectations))
        {
            if (shimCase.Shape == ShimShape.DataType || shimCase.Name.StartsWith("get_column_values", StringComparison.Ordinal)) continue;
            var rendered = harness.Render(shimCase.Template).Trim();
            var errors = shimCase.Statements(rendered).SelectMany(ModelForge.Compiler.Analysis.TSql.TSqlParsing.Errors).ToList();
            if (errors.Count == 0 && !GroupsByPosition(rendered)) parsing.Add(shimCase.Name + ": " + rendered);
        }
        Assert.That(parsing, Is.Empty, "these stand-in defaults parse as T-SQL, so they prove nothing");
    }

    [Test]
    public void Date_spine_asks_the_database_for_the_interval_count_in_TSql()
    {
        var harness = new ShimHarness();
        var sql = harness.Render("{{ dbt_utils.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-01-11' as date)\") }}");
        Assert.That(harness.Adapter.Statements, Has.Count.EqualTo(1));
        var query = harness.Adapter.Statements[0]["query: ".Length..];
        TSqlAssert.Parses(query);
        // The fake database answered 10 intervals: 4 binary digits count to 16, filtered to 10.
        Assert.That(sql, Does.Contain("p3.n * 8").And.Contain("where generated_number <= 10"));
    }

    [Test]
    public void Get_column_values_caps_rows_with_top_and_returns_the_values()
    {
        var harness = new ShimHarness();
        harness.Adapter.NextResult = new(["value"], [["open"], ["closed"]]);
        var sql = harness.Render("{{ dbt_utils.get_column_values(ref('orders'), 'status', max_records=5) | join(',') }}");
        Assert.That(sql, Is.EqualTo("open,closed"));
        var query = harness.Adapter.Statements.Single()["query: ".Length..];
        TSqlAssert.Parses(query);
        Assert.That(query, Does.Contain("top (5)").And.Not.Contain("limit"));
    }

    [Test]
    public void Date_dimension_has_no_trailing_order_by_so_it_can_be_a_view()
    {
        var sql = new ShimHarness().Render("{{ dbt_date.get_date_dimension('2024-01-01', '2024-12-31') }}");
        Assert.That(sql, Does.Not.Match(@"order by\s+\d"));
        TSqlAssert.Parses("create view dim_date as\n" + sql);
    }

    [Test]
    public void Weekday_arithmetic_does_not_depend_on_set_datefirst()
    {
        var sql = new ShimHarness().Render("{{ dbt_date.day_of_week('d') }}|{{ dbt_date.week_start('d') }}");
        Assert.That(sql.Split('|'), Has.All.Contain("@@datefirst"));
    }

    [Test]
    public void Expression_is_true_compares_with_one_instead_of_true()
    {
        var sql = new ShimHarness().Render("{{ dbt_expectations.test_expression_is_true(ref('orders'), 'amount >= 0') }}");
        Assert.That(sql, Does.Contain("not (expression =1)").Or.Contain("not (expression = 1)"));
        Assert.That(sql, Does.Not.Contain("true"));
    }

    /// <summary>Blank lines and trailing spaces from template whitespace carry no meaning in the golden file.</summary>
    private static string Normalise(string sql) =>
        string.Join('\n', sql.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
