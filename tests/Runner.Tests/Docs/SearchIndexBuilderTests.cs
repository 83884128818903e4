using ModelForge.Runner.Docs;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

public sealed class SearchIndexBuilderTests
{
    [Test]
    public void Words_are_found_by_prefix_with_the_fields_they_occur_in()
    {
        var builder = new SearchIndexBuilder();
        builder.Add(0, SearchField.Name, "fct_rides");
        builder.Add(0, SearchField.Column, "ride_id");
        builder.Add(1, SearchField.Sql, "select ride_id from stg_rides");
        var index = builder.Build();

        var found = index.Find("ride_id");

        Assert.That(found, Is.EquivalentTo(new Dictionary<int, SearchField> { [0] = SearchField.Column, [1] = SearchField.Sql }));
    }

    [Test]
    public void Names_and_columns_are_also_found_by_their_parts_but_sql_is_not()
    {
        var builder = new SearchIndexBuilder();
        builder.Add(0, SearchField.Name, "member_lifetime_value");
        builder.Add(1, SearchField.Sql, "select lifetime_total from x");
        var index = builder.Build();

        Assert.That(index.Find("lifetime").Keys, Is.EquivalentTo(new[] { 0, 1 }));
        Assert.That(index.Find("value").Keys, Is.EquivalentTo(new[] { 0 }));
        Assert.That(index.Find("total").Keys, Is.Empty);
    }

    [Test]
    public void Tokens_are_sorted_lower_case_and_unique()
    {
        var builder = new SearchIndexBuilder();
        builder.Add(0, SearchField.Description, "Rides and RIDES, b; a");
        builder.Add(1, SearchField.Description, "rides");

        var index = builder.Build();

        Assert.That(index.Tokens, Is.EqualTo(new[] { "and", "rides" }), "one-letter words are left out");
        Assert.That(index.Postings[1], Is.EqualTo(new[] { 0, (int)SearchField.Description, 1, (int)SearchField.Description }));
    }

    [Test]
    public void Documents_added_out_of_order_or_twice_become_one_sorted_posting_each()
    {
        var builder = new SearchIndexBuilder();
        builder.Add(5, SearchField.Name, "rides");
        builder.Add(2, SearchField.Sql, "rides");
        builder.Add(5, SearchField.Sql, "rides");
        var other = new SearchIndexBuilder();
        other.Add(2, SearchField.Column, "rides");
        builder.Merge(other);

        var index = builder.Build();

        Assert.That(index.Postings[0], Is.EqualTo(new[]
        {
            2, (int)(SearchField.Sql | SearchField.Column),
            5, (int)(SearchField.Name | SearchField.Sql),
        }));
    }

    [Test]
    public void Thousands_of_tokens_over_merged_builders_each_keep_their_documents()
    {
        // Enough distinct words to outgrow the builders' first tables; each word w{n} is in documents n and n + 1.
        var first = new SearchIndexBuilder();
        var second = new SearchIndexBuilder();
        for (var document = 0; document < 6000; document++)
        {
            var text = $"w{document} w{document - 1} shared";
            (document < 3000 ? first : second).Add(document, document % 2 == 0 ? SearchField.Sql : SearchField.Name, text);
        }
        first.Merge(second);

        var index = first.Build();

        Assert.That(index.Tokens, Has.Length.EqualTo(6001), "w0 to w5999, and shared");
        Assert.That(index.Tokens, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(index.Find("w2999"), Is.EquivalentTo(new Dictionary<int, SearchField> { [2999] = SearchField.Name, [3000] = SearchField.Sql }));
        Assert.That(index.Find("shared"), Has.Count.EqualTo(6000));
    }
}
