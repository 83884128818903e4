using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

[TestFixture]
internal sealed class StatementSplitterTests
{
    private static string[] Split(string sql) =>
        StatementSplitter.Split(sql).Select(s => sql.Substring(s.Start, s.Length)).ToArray();

    [Test]
    public void Semicolons_inside_literals_identifiers_and_comments_do_not_split()
    {
        var sql = "select 'a;b', \"c;d\" from t -- x;y\n; /* p; /* nested; */ q; */ select $$e;f$$, $tag$g;h$tag$; select E'\\';'";
        Assert.That(Split(sql), Is.EqualTo(new[]
        {
            "select 'a;b', \"c;d\" from t -- x;y\n",
            "/* p; /* nested; */ q; */ select $$e;f$$, $tag$g;h$tag$",
            "select E'\\';'",
        }));
    }

    [Test]
    public void Parameters_are_not_dollar_quotes()
    {
        Assert.That(Split("select $1, $name; select $2"), Is.EqualTo(new[] { "select $1, $name", "select $2" }));
    }

    [Test]
    public void Empty_and_comment_only_pieces_are_dropped()
    {
        Assert.That(Split(" ; select 1;; -- done\n"), Is.EqualTo(new[] { "select 1" }));
    }

    [Test]
    public void Statement_starts_are_offsets_into_the_original_text()
    {
        const string sql = "select 1;\n  select 2";
        Assert.That(StatementSplitter.Split(sql)[1].Start, Is.EqualTo(sql.IndexOf("select 2", StringComparison.Ordinal)));
    }
}
