using System.Collections;
using System.Reflection;
using System.Text;
using ModelForge.Compiler.Analysis.DuckDb;
using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>
/// The streaming reader of json_serialize_sql's output against DuckDbAstReader (JsonDocument), on
/// what a real DuckDB serializes: the same lineage syntax, field by field.
/// </summary>
public sealed class DuckDbAstStreamReaderTests
{
    private static readonly string[] Corpus =
    [
        "select order_id, amount as order_amount from main.orders",
        "select 'EUR' as currency, 1 as one, null as nothing, ? as p from orders",
        "select lower(name), upper(trim(name)), count(*), count(), now(), sum(amount) filter (where amount > 0), coalesce(a, b) from t",
        "select amount + 1, -amount, cast(amount as int), amount::varchar, case when a then b else c end, a between b and c from t",
        "select row_number() over (partition by customer_id order by ts desc) as rn, sum(x) over w from t window w as (order by ts)",
        "with c as (select * from main.customers), d (x, y) as materialized (select a, b from c) select * from d",
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select n from r",
        "with u as (select 1 as a) select a from u union select 2 union all select 3 except select 4 intersect select 5",
        "select amount, order_id from orders union by name select customer_id as order_id from customers",
        "select * exclude (status) replace (amount * 100 as amount) rename (order_id as id) from orders",
        "select o.* exclude (o.status), c.* rename (c.name as customer_name) from orders o join customers c using (customer_id)",
        "select columns('a.*'), columns(c -> c like 'x%') from t",
        "select * from orders o left join (select customer_id, max(ts) as ts from events group by 1) e on o.customer_id = e.customer_id",
        "select * from orders natural join customers cross join lateral (select 1 as one) l",
        "select (select max(amount) from orders), amount in (select amount from refunds), exists (select 1 from t) as e from orders",
        "select list_transform([1, 2], x -> x + amount) as scaled, list_reduce(l, (a, b) -> a + b) from orders",
        "select list_transform(l, x -> list_transform(m, y -> x + y + z)) from t",
        "select * from (values (1, 'a'), (2, 'b')) v",
        "select * from (values (1, 'a')) v (id, name)",
        "select * from read_csv('payments.csv') p",
        "select * from generate_series(1, 3)",
        "pivot orders on status using sum(amount)",
        "select * from orders pivot (sum(amount) for status in ('a', 'b'))",
        "select struct_pack(a := 1, b := x), {'k': x}, [x, y][1], x.field from t",
        "select \"Quoted Name\", \"weird \"\" name\" as \"é ü\" from \"my schema\".\"tbl\"",
        "select a from t where a > 1 group by all having count(*) > 1 qualify row_number() over () = 1 order by a limit 10",
        "select distinct on (a) a, b from t",
        "select 1; select 2",
        "insert into t values (1)",
        "select from where",
        "",
    ];

    [Test]
    public void Every_corpus_statement_reads_the_same_as_through_a_json_document(
        [Values(true, false)] bool skipNullAndEmpty)
    {
        using var connection = DuckDbConnector.Open(":memory:");
        using var command = connection.CreateCommand();
        foreach (var sql in Corpus)
        {
            var json = Serialize(command, sql, skipNullAndEmpty);

            var streamed = DuckDbAstStreamReader.TryRead(json, out var result);

            Assert.That(streamed, Is.True, $"the stream reader fell back on: {sql}");
            Assert.That(Describe(result), Is.EqualTo(Describe(DuckDbAstReader.Read(json))), sql);
        }
    }

    [Test]
    public void A_class_that_is_not_the_first_field_falls_back_to_the_json_document()
    {
        const string json = """
            {"error":false,"statements":[{"node":{"type":"SELECT_NODE",
             "select_list":[{"alias":"s","class":"FUNCTION","function_name":"f","children":[{"type":"x","class":"COLUMN_REF","column_names":["a"]}]}],
             "from_table":{"type":"EMPTY"}}}]}
            """;
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.That(DuckDbAstStreamReader.TryRead(utf8, out _), Is.False);
        Assert.That(Describe(DuckDbAstStreamReader.Read(utf8)), Is.EqualTo(Describe(DuckDbAstReader.Read(utf8))));
        Assert.That(Describe(DuckDbAstStreamReader.Read(utf8)), Does.Contain("ColumnReference(Parts: [\"a\"])"));
    }

    [Test]
    public void A_lambda_body_before_its_parameters_falls_back_to_the_json_document()
    {
        const string json = """
            {"error":false,"statements":[{"node":{"type":"SELECT_NODE",
             "select_list":[{"class":"LAMBDA","expr":{"class":"COLUMN_REF","column_names":["x"]},"lhs":{"class":"COLUMN_REF","column_names":["x"]}}],
             "from_table":{"type":"EMPTY"}}}]}
            """;
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.That(DuckDbAstStreamReader.TryRead(utf8, out _), Is.False);
        Assert.That(Describe(DuckDbAstStreamReader.Read(utf8)), Is.EqualTo("QueryParseResult(Query: SelectQuery(Items: [SelectItem(Expression: ComputedExpression(Inputs: [ComputedExpression(Inputs: [])]), Name: null)], From: null, Ctes: []), Error: null, ErrorOffset: -1, NotAQuery: null)"));
    }

    private static byte[] Serialize(System.Data.Common.DbCommand command, string sql, bool skipNullAndEmpty)
    {
        command.CommandText = skipNullAndEmpty
            ? "select encode(json_serialize_sql($1::varchar, skip_null := true, skip_empty := true))"
            : "select encode(json_serialize_sql($1::varchar))";
        command.Parameters.Clear();
        var parameter = command.CreateParameter();
        parameter.Value = sql;
        command.Parameters.Add(parameter);
        using var blob = (Stream)command.ExecuteScalar()!;
        using var bytes = new MemoryStream();
        blob.CopyTo(bytes);
        return bytes.ToArray();
    }

    // Every public property, recursively: records' own ToString prints lists as their type name.
    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool or int or Enum => value.ToString()!,
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Describe))}]",
        _ => $"{value.GetType().Name}({string.Join(", ", value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .Select(p => $"{p.Name}: {Describe(p.GetValue(value))}"))})",
    };
}
