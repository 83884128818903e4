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

    [Test]
    public void Two_part_sets_over_the_same_documents_give_the_index_one_builder_gives()
    {
        // As the site: every document's SQL in one set of chunks, its names and columns in another.
        var words = new (int Document, SearchField Field, string Text)[]
        {
            (0, SearchField.Name, "stg_orders"), (0, SearchField.Sql, "select order_id, amount from raw_orders"),
            (1, SearchField.Column, "order_id"), (1, SearchField.Sql, "select order_id from stg_orders"),
            (2, SearchField.Description, "Orders by customer"), (3, SearchField.Sql, "select customer_id from customers"),
            (4, SearchField.Name, "customers"), (4, SearchField.Column, "customer_id"),
        };
        var whole = new SearchIndexBuilder();
        foreach (var (document, field, text) in words) whole.Add(document, field, text);
        SearchIndexBuilder[] Set(Func<SearchField, bool> takes, params int[] firstOfEach)
        {
            var parts = firstOfEach.Select(_ => new SearchIndexBuilder()).ToArray();
            foreach (var (document, field, text) in words.Where(w => takes(w.Field)))
                parts[firstOfEach.Count(first => first <= document) - 1].Add(document, field, text);
            return parts;
        }

        var index = SearchIndexBuilder.Build(Set(f => f == SearchField.Sql, 0, 2), Set(f => f != SearchField.Sql, 0, 1, 4));
        var expected = whole.Build();

        Assert.That(index.Tokens, Is.EqualTo(expected.Tokens));
        Assert.That(index.Postings, Is.EqualTo(expected.Postings));
        Assert.That(index.Find("order_id")[1], Is.EqualTo(SearchField.Column | SearchField.Sql));
    }

    [Test]
    public void Part_sets_added_out_of_order_still_combine_each_documents_fields()
    {
        var sql = new SearchIndexBuilder();
        sql.Add(3, SearchField.Sql, "rides");
        sql.Add(1, SearchField.Sql, "rides");
        var names = new SearchIndexBuilder();
        names.Add(1, SearchField.Name, "rides");

        var index = SearchIndexBuilder.Build([sql], [names]);

        Assert.That(index.Postings[0], Is.EqualTo(new[] { 1, (int)(SearchField.Sql | SearchField.Name), 3, (int)SearchField.Sql }));
    }
}
