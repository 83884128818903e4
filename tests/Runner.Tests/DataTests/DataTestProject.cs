using System.Text.Json;
using ModelForge.Runner.Tests.Support;

namespace ModelForge.Runner.Tests.DataTests;

/// <summary>A small shop project whose data breaks some tests on purpose, and readers for its artifacts.</summary>
internal static class DataTestProject
{
    // order 3 has an unknown status and a customer that does not exist; order 4 has no customer.
    public const string Orders =
        "select * from (values (1, 1, 'placed', 10), (2, 2, 'shipped', 20), (3, 9, 'lost', 30), (4, null, 'placed', 40))" +
        " t(order_id, customer_id, status, amount)";

    public static TempProject Create() => new TempProject("shop")
        .WithProjectFile("test-paths: [\"tests\"]\n")
        .With("models/customers.sql", "select * from (values (1, 'Ada'), (2, 'Grace')) t(customer_id, name)")
        .With("models/orders.sql", Orders);

    public static TempProject WithSchema(this TempProject project, string yaml) => project.With("models/_schema.yml", "version: 2\nmodels:\n" + yaml);

    /// <summary>unique_id → (status, failures, message) from target/run_results.json.</summary>
    public static Dictionary<string, (string Status, long? Failures, string? Message)> Results(TempProject project)
    {
        using var json = JsonDocument.Parse(project.Read("target/run_results.json"));
        return json.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => WithoutHash(r.GetProperty("unique_id").GetString()!),
            r => (r.GetProperty("status").GetString()!,
                r.GetProperty("failures").ValueKind == JsonValueKind.Number ? r.GetProperty("failures").GetInt64() : (long?)null,
                r.GetProperty("message").GetString()));
    }

    /// <summary>A generic test's id without dbt's hash suffix (<c>test.shop.unique_orders_id</c>), so tests can name it.</summary>
    public static string WithoutHash(string uniqueId)
    {
        var parts = uniqueId.Split('.');
        return parts.Length == 4 && parts[0] == "test" && parts[3].Length == 10 ? string.Join('.', parts[..3]) : uniqueId;
    }

    public static (string Status, long? Failures, string? Message) Result(TempProject project, string testName) =>
        Results(project)[$"test.shop.{testName}"];
}
