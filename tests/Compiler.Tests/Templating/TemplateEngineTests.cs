using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class TemplateEngineTests
{
    [Test]
    public void Unchanged_file_is_parsed_once()
    {
        var engine = new TemplateEngine();
        var first = engine.Parse(new SourceText("models/a.sql", "select {{ 1 }}"), new DiagnosticBag());
        var second = engine.Parse(new SourceText("models/a.sql", "select {{ 1 }}"), new DiagnosticBag());
        Assert.That(second, Is.SameAs(first));
        Assert.That(engine.ParsedCount, Is.EqualTo(1));
    }

    [Test]
    public void A_text_parsed_once_is_not_kept_and_still_reports_its_errors()
    {
        var engine = new TemplateEngine();
        var bag = new DiagnosticBag();
        var once = engine.ParseOnce(new SourceText("models/a.sql", "select {{ 1 }}"), bag);
        var broken = engine.ParseOnce(new SourceText("models/b.sql", "select {{ 1 "), bag);

        Assert.That(engine.ParsedCount, Is.EqualTo(0));
        Assert.That(engine.Parse(new SourceText("models/a.sql", "select {{ 1 }}"), new DiagnosticBag()), Is.Not.SameAs(once));
        Assert.That((once.HasErrors, broken.HasErrors), Is.EqualTo((false, true)));
        Assert.That(bag.ToList().Single().Span?.Path, Is.EqualTo("models/b.sql"));
    }

    [Test]
    public void Changed_text_or_path_parses_again()
    {
        var engine = new TemplateEngine();
        var a = engine.Parse(new SourceText("models/a.sql", "x"), new DiagnosticBag());
        var b = engine.Parse(new SourceText("models/a.sql", "y"), new DiagnosticBag());
        var c = engine.Parse(new SourceText("models/c.sql", "x"), new DiagnosticBag());
        Assert.That(new[] { b, c }, Has.None.SameAs(a));
        Assert.That(engine.ParsedCount, Is.EqualTo(3));
    }

    [Test]
    public void Cached_template_reports_its_errors_to_every_bag()
    {
        var engine = new TemplateEngine();
        var firstBag = new DiagnosticBag();
        var secondBag = new DiagnosticBag();
        engine.Parse(new SourceText("m.sql", "{% if %}"), firstBag);
        var template = engine.Parse(new SourceText("m.sql", "{% if %}"), secondBag);
        Assert.That(template.HasErrors, Is.True);
        Assert.That(secondBag.ToList().Select(d => d.ToString()), Is.EqualTo(firstBag.ToList().Select(d => d.ToString())));
    }

    [Test]
    public void Parsing_and_rendering_from_many_threads_gives_the_same_result()
    {
        var engine = new TemplateEngine();
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            var template = engine.Parse(new SourceText($"m{i % 4}.sql", $"{{% for x in range({i % 4}) %}}{{{{ x }}}}{{% endfor %}}"), new DiagnosticBag());
            results[i] = engine.Render(template, new TemplateContext(new Dictionary<string, object?>())).Text;
        });
        for (var i = 0; i < results.Length; i++) Assert.That(results[i], Is.EqualTo(string.Concat(Enumerable.Range(0, i % 4))));
        Assert.That(engine.ParsedCount, Is.EqualTo(4));
    }

    [Test]
    public void Diagnostic_prints_file_line_and_column()
    {
        var errors = TemplateTestKit.ParseErrors("ok\n{{ a | nope }}", "models/staging/stg.sql");
        Assert.That(errors[0].ToString(), Is.EqualTo("models/staging/stg.sql:2:8: error MF2004: unknown filter 'nope'"));
    }

    [Test]
    public void A_typical_dbt_model_renders()
    {
        const string model = """
            {{ config(materialized='incremental', unique_key='id') }}
            with src as (
                select * from {{ ref('stg_orders') }}
            ),
            payments as (
                select * from {{ ref('stg_payments') }}
            )
            select
                src.id,
                {%- for method in ['card', 'cash'] %}
                sum(case when payment_method = '{{ method }}' then amount end) as {{ method }}_amount{{ ',' if not loop.last }}
                {%- endfor %}
            from src
            join payments using (id)
            {% if is_incremental() %}
            where updated_at > (select max(updated_at) from {{ this }})
            {% endif %}
            """;
        var globals = new Dictionary<string, object?>
        {
            ["config"] = new ModelForge.Compiler.Templating.Runtime.TemplateFunction("config", _ => ""),
            ["ref"] = new ModelForge.Compiler.Templating.Runtime.TemplateFunction("ref", a => $"main.{a.Positional[0]}"),
            ["is_incremental"] = new ModelForge.Compiler.Templating.Runtime.TemplateFunction("is_incremental", _ => true),
            ["this"] = "main.orders",
        };
        var text = TemplateTestKit.Render(model, globals);
        Assert.That(text, Does.Contain("select * from main.stg_orders"));
        Assert.That(text, Does.Contain("    src.id,\n    sum(case when payment_method = 'card' then amount end) as card_amount,\n    sum(case when payment_method = 'cash' then amount end) as cash_amount\nfrom src"));
        Assert.That(text, Does.EndWith("where updated_at > (select max(updated_at) from main.orders)\n"));
    }

    [Test]
    public void Rendering_a_template_with_syntax_errors_is_refused()
    {
        var engine = new TemplateEngine();
        var template = engine.Parse(new SourceText("m.sql", "{{ 1 + }}"), new DiagnosticBag());
        var error = Assert.Throws<DiagnosticException>(() => engine.Render(template, new TemplateContext(new Dictionary<string, object?>())));
        Assert.That(error!.Diagnostic.Message, Is.EqualTo("the template has syntax errors and cannot be rendered"));
    }
}
