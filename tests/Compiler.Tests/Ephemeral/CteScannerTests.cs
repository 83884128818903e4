using ModelForge.Compiler.Compilation.Ephemeral;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Ephemeral;

public sealed class CteScannerTests
{
    private static (List<string> Ctes, string Query)? Split(string sql) =>
        CteScanner.Split(sql) is { } split ? (split.Ctes.Select(c => sql.Substring(c.Start, c.Length)).ToList(), sql[split.QueryStart..]) : null;

    [Test]
    public void Splits_a_cte_list_past_comments_strings_and_quoted_names()
    {
        var sql = "-- lead\n/* block ( */ WITH \"a(\" as (select ')' as x -- )\n), b (n) AS NOT MATERIALIZED (select [c]] ] from t)\nselect * from b";

        var split = Split(sql);

        Assert.That(split, Is.Not.Null);
        Assert.That(split!.Value.Ctes, Is.EqualTo(new[] { "\"a(\" as (select ')' as x -- )\n)", "b (n) AS NOT MATERIALIZED (select [c]] ] from t)" }));
        Assert.That(split.Value.Query, Is.EqualTo("select * from b"));
    }

    [Test]
    public void Finds_the_list_after_with_recursive()
    {
        var sql = "with recursive r as (select 1 as n union all select n + 1 from r where n < 3) select * from r";

        Assert.That(CteScanner.CteListStart(sql), Is.EqualTo("with recursive ".Length));
        Assert.That(Split(sql)!.Value.Query, Is.EqualTo("select * from r"));
    }

    [TestCase("select 1")]
    [TestCase("without_a_with as (select 1)")]
    [TestCase("with a as select 1")]
    [TestCase("with a as (select 1")]
    public void Gives_up_on_sql_without_a_readable_leading_with(string sql) => Assert.That(CteScanner.Split(sql), Is.Null);
}
