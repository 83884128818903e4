using System.Diagnostics;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Runtime;

// Micro benchmark: parse once, then render a typical 40-line dbt model many times.
// Run with: dotnet run -c Release --project bench/Render
const string model = """
    {{ config(materialized='incremental', unique_key='order_id', tags=['finance', 'daily']) }}

    with orders as (
        select * from {{ ref('stg_orders') }}
    ),

    payments as (
        select * from {{ ref('stg_payments') }}
    ),

    customers as (
        select * from {{ ref('stg_customers') }}
    ),

    order_payments as (
        select
            order_id,
            {%- for method in ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] %}
            sum(case when payment_method = '{{ method }}' then amount else 0 end) as {{ method }}_amount{{ ',' if not loop.last }}
            {%- endfor %}
        from payments
        group by order_id
    )

    select
        orders.order_id,
        orders.customer_id,
        customers.first_name,
        orders.order_date,
        orders.status,
        order_payments.credit_card_amount,
        order_payments.coupon_amount
    from orders
    left join order_payments using (order_id)
    left join customers using (customer_id)
    {% if is_incremental() %}
    where orders.order_date > (select max(order_date) from {{ this }})
    {% endif %}
    """;

var engine = new TemplateEngine();
var bag = new DiagnosticBag();
var parse = Stopwatch.StartNew();
var template = engine.Parse(new SourceText("models/orders.sql", model), bag);
parse.Stop();
if (bag.HasErrors) throw new InvalidOperationException(string.Join("\n", bag.ToList()));

var globals = new Dictionary<string, object?>
{
    ["config"] = new TemplateFunction("config", _ => ""),
    ["ref"] = new TemplateFunction("ref", a => "\"main\".\"" + (string)a.Positional[0]! + "\""),
    ["is_incremental"] = new TemplateFunction("is_incremental", _ => true),
    ["this"] = "\"main\".\"orders\"",
};
var context = new TemplateContext(globals);

for (var i = 0; i < 20_000; i++) engine.Render(template, context);

const int iterations = 200_000;
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var watch = Stopwatch.StartNew();
var length = 0;
for (var i = 0; i < iterations; i++) length += engine.Render(template, context).Text.Length;
watch.Stop();
var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

var cached = Stopwatch.StartNew();
for (var i = 0; i < 10_000; i++) engine.Parse(new SourceText("models/orders.sql", model), new DiagnosticBag());
cached.Stop();

var fresh = Stopwatch.StartNew();
for (var i = 0; i < 10_000; i++) engine.Parse(new SourceText($"models/m{i}.sql", model), new DiagnosticBag());
fresh.Stop();

Console.WriteLine($"uncached parse:    {fresh.Elapsed.TotalMicroseconds / 10_000:F2} us per model (10,000 distinct paths)");
Console.WriteLine($"first parse:       {parse.Elapsed.TotalMilliseconds:F2} ms (includes JIT)");
Console.WriteLine($"cached parse:      {cached.Elapsed.TotalMicroseconds / 10_000:F2} us");
Console.WriteLine($"render:            {watch.Elapsed.TotalMicroseconds / iterations:F2} us per model ({length / iterations} chars)");
Console.WriteLine($"allocated:         {allocated / iterations} bytes per render");
