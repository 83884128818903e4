using ModelForge.Compiler.Compilation.DataTests;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.DataTests;

/// <summary>
/// Generic test names and unique ids, against values derived by hand from dbt-core's algorithm
/// (synthesize_generic_test_names, get_hashable_md + md5). The four jaffle_shop ids are the ones
/// dbt writes into jaffle_shop's manifest.json.
/// </summary>
public sealed class TestIdentityTests
{
    private const string OrdersModel = "{{ get_where_subquery(ref('orders')) }}";
    private const string CustomersModel = "{{ get_where_subquery(ref('customers')) }}";

    private static Dictionary<string, object?> Kwargs(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Test]
    public void The_hash_suffix_matches_dbts_ids_for_jaffle_shop()
    {
        Assert.That(TestHash.Of("unique_customers_customer_id", "unique", null, Kwargs(("column_name", "customer_id"), ("model", CustomersModel))),
            Is.EqualTo("c5af1ff4b1"));
        Assert.That(TestHash.Of("not_null_customers_customer_id", "not_null", null, Kwargs(("column_name", "customer_id"), ("model", CustomersModel))),
            Is.EqualTo("5c9bf9911d"));
        Assert.That(TestHash.Of("accepted_values_orders_status__placed__shipped__completed__return_pending__returned", "accepted_values", null,
                Kwargs(("values", new List<object?> { "placed", "shipped", "completed", "return_pending", "returned" }), ("column_name", "status"), ("model", OrdersModel))),
            Is.EqualTo("be6b5b5ec3"));
        Assert.That(TestHash.Of("relationships_orders_customer_id__customer_id__ref_customers_", "relationships", null,
                Kwargs(("to", "ref('customers')"), ("field", "customer_id"), ("column_name", "customer_id"), ("model", OrdersModel))),
            Is.EqualTo("c6ec7f58f2"));
    }

    [Test]
    public void The_hash_covers_the_namespace_and_every_argument()
    {
        var greater = Kwargs(("column_name", "amount"), ("expression", "> 0"), ("model", OrdersModel));
        var atLeast = Kwargs(("column_name", "amount"), ("expression", ">= 0"), ("model", OrdersModel));

        Assert.That(TestHash.Of("shop_expression_is_true_orders_amount___0", "expression_is_true", "shop", greater), Is.EqualTo("1d3700d1b2"));
        Assert.That(TestHash.Of("shop_expression_is_true_orders_amount___0", "expression_is_true", "shop", atLeast), Is.EqualTo("1221157759"));
    }

    [Test]
    public void Nested_values_and_quotes_hash_as_pythons_repr_writes_them()
    {
        var kwargs = Kwargs(("expression", "it's \"x\"\n"), ("nested", new Dictionary<string, object?> { ["a"] = new List<object?> { 1L, new Dictionary<string, object?> { ["b"] = false } } }),
            ("model", "{{ get_where_subquery(source('raw', 'rides')) }}"));
        var (shortName, full) = TestNamer.Names("shop_source_expression_is_true", "raw_rides", kwargs);

        Assert.That(full, Is.EqualTo("shop_source_expression_is_true_raw_rides_it_s_x____1_b_False_"));
        Assert.That(shortName, Is.EqualTo(full));
        Assert.That(TestHash.Of(full, "expression_is_true", "shop", kwargs), Is.EqualTo("72e18a37f2"));
    }

    [Test]
    public void Long_names_keep_the_full_name_for_the_id_and_a_short_md5_name_for_the_file()
    {
        var values = new List<object?> { "placed", "shipped", "completed", "return_pending", "returned" };
        var (shortName, full) = TestNamer.Names("accepted_values", "orders", Kwargs(("values", values), ("column_name", "status"), ("model", OrdersModel)));

        Assert.That(full, Is.EqualTo("accepted_values_orders_status__placed__shipped__completed__return_pending__returned"));
        Assert.That(shortName, Is.EqualTo("accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758"));
    }

    [Test]
    public void Numbers_booleans_and_none_are_named_as_python_prints_them()
    {
        var values = new List<object?> { 1L, 2.5, true, null, 1e16, 0.0001 };
        var kwargs = Kwargs(("column_name", "amount"), ("values", values), ("model", OrdersModel));
        var (shortName, full) = TestNamer.Names("accepted_values", "orders", kwargs);

        Assert.That(full, Is.EqualTo("accepted_values_orders_amount__1__2_5__True__None__1e_16__0_0001"));
        Assert.That(shortName, Is.EqualTo("accepted_values_orders_636ca611ec22515c15fbf7bd0ff92c70"));
        Assert.That(TestHash.Of(full, "accepted_values", null, kwargs), Is.EqualTo("95a9a4a0ed"));
    }

    [Test]
    public void Repr_follows_cpython_for_floats_and_string_quotes()
    {
        var values = new List<object?> { 1.0, 1e16, 1.5e-05, 0.0001, 123456789.125, -0.0, 1e22, 2.5e-300, "a'b", "a\"b", "a'\"b", "tab\t\\", "\u00a0é\u2028" };

        Assert.That(PythonText.Repr(values),
            Is.EqualTo("[1.0, 1e+16, 1.5e-05, 0.0001, 123456789.125, -0.0, 1e+22, 2.5e-300, \"a'b\", 'a\"b', 'a\\'\"b', 'tab\\t\\\\', '\\xa0é\\u2028']"));
    }
}
