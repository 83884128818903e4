using ModelForge.Compiler.Compilation.DataTests;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.DataTests;

public sealed class TestNamerTests
{
    private static string Name(string type, string target, params (string Key, object? Value)[] arguments) =>
        TestNamer.Names(type, target, arguments.ToDictionary(a => a.Key, a => a.Value)).Short;

    [Test]
    public void Short_names_join_the_sorted_arguments_as_dbt_does()
    {
        Assert.That(Name("not_null", "orders", ("column_name", "order_id")), Is.EqualTo("not_null_orders_order_id"));
        Assert.That(Name("accepted_values", "orders", ("values", new List<object?> { "placed", "shipped" }), ("column_name", "status")),
            Is.EqualTo("accepted_values_orders_status__placed__shipped"));
        Assert.That(Name("relationships", "orders", ("to", "ref('customers')"), ("field", "customer_id"), ("column_name", "customer_id")),
            Is.EqualTo("relationships_orders_customer_id__customer_id__ref_customers_"));
    }

    [Test]
    public void Values_are_written_as_python_writes_them()
    {
        Assert.That(Name("accepted_values", "orders", ("column_name", "amount"), ("values", new List<object?> { 1, 2.5 }), ("quote", false)),
            Is.EqualTo("accepted_values_orders_amount__False__1__2_5"));
    }

    // Expected values computed once with dbt's algorithm in Python (hashlib.md5 of the full name).
    [Test]
    public void Names_of_64_characters_or_more_keep_30_characters_and_add_the_md5_of_the_full_name()
    {
        Assert.That(Name("accepted_values", "stg_payments", ("column_name", "payment_type"),
                ("values", new List<object?> { "membership_fee", "day_pass", "ride_fee" })),
            Is.EqualTo("accepted_values_stg_payments_ac8aea8e5e1c70c573440a847b5b3506"));
        Assert.That(Name("relationships", "stg_maintenance_events", ("column_name", "bike_id"), ("to", "ref('stg_bikes')"), ("field", "bike_id")),
            Is.EqualTo("relationships_stg_maintenance__411608d2e5d9cbebc532d8e369c88e71"));
    }

    [Test]
    public void Names_made_in_parallel_are_the_names_made_one_by_one()
    {
        // Each thread reuses its own builder: a name must never pick up another test's text.
        var arguments = Enumerable.Range(0, 2000)
            .Select(i => new Dictionary<string, object?> { ["column_name"] = $"col_{i}", ["values"] = new List<object?> { i, $"v{i}" } })
            .ToList();
        var expected = arguments.Select((a, i) => TestNamer.Names("accepted_values", $"model_{i}", a)).ToList();
        var parallel = new (string Short, string Full)[arguments.Count];
        Parallel.For(0, arguments.Count, i => parallel[i] = TestNamer.Names("accepted_values", $"model_{i}", arguments[i]));
        Assert.That(parallel, Is.EqualTo(expected));
        Assert.That(expected[7].Full, Is.EqualTo("accepted_values_model_7_col_7__7__v7"));
    }
}
