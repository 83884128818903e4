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

        var index = SearchIndexBuilder.Build([builder, other]);

        Assert.That(index.Postings[0], Is.EqualTo(new[]
        {
            2, (int)(SearchField.Sql | SearchField.Column),
            5, (int)(SearchField.Name | SearchField.Sql),
        }));
    }

    [Test]
    public void Parts_built_together_keep_each_tokens_postings_in_part_order()
    {
        var parts = new[] { new SearchIndexBuilder(), new SearchIndexBuilder(), new SearchIndexBuilder() };
        parts[0].Add(0, SearchField.Name, "orders");
        parts[1].Add(1, SearchField.Sql, "orders customers");
        parts[2].Add(2, SearchField.Column, "orders");
        parts[2].Add(3, SearchField.Sql, "customers");

        var index = SearchIndexBuilder.Build(parts);

        Assert.That(index.Tokens, Is.EqualTo(new[] { "customers", "orders" }));
        Assert.That(index.Postings[0], Is.EqualTo(new[] { 1, (int)SearchField.Sql, 3, (int)SearchField.Sql }));
        Assert.That(index.Postings[1], Is.EqualTo(new[] { 0, (int)SearchField.Name, 1, (int)SearchField.Sql, 2, (int)SearchField.Column }));
        Assert.That(parts[1].Build().Postings[1], Is.EqualTo(new[] { 1, (int)SearchField.Sql }), "a part is left as it was");
    }
}
