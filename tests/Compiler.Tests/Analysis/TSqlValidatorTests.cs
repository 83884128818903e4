using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Tests.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Analysis;

public sealed class TSqlValidatorTests
{
    private static readonly TemplateEngine Engine = new();

    private static IReadOnlyList<Diagnostic> Validate(string model, string target = "sqlserver")
    {
        var harness = new ContextHarness { Target = new TargetInfo("dev", target, "analytics", "warehouse") };
        harness.Macros.AddRange(MacroRegistry.BuiltinPackage, BuiltinMacros.Load(Engine));
        var bag = new DiagnosticBag();
        var template = Engine.Parse(new SourceText("models/orders.sql", model), bag);
        Assert.That(bag.ToList(), Is.Empty);
        var rendered = Engine.Render(template, ContextBuilder.CreateContext(harness.Project(), harness.Node()));
        return SqlValidator.ForTarget(target).Validate(rendered, null, "target/compiled/models/orders.sql");
    }

    [Test]
    public void A_syntax_error_is_reported_at_the_models_own_line_and_column()
    {
        // The template lines before the error render to fewer lines; the position must be the model's.
        var model = "{#- a comment\n   over two lines -#}\n{% set cols = ['id', 'amount'] %}\nselect\n    {% for c in cols %}{{ c }}, {% endfor %}\n    status,,\nfrom raw.orders\n";
        var diagnostics = Validate(model);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        var error = diagnostics[0];
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Analysis.TSqlSyntaxErrorCode));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/orders.sql:6:12"));
        Assert.That(error.Message, Does.Contain("Incorrect syntax near ','"));
        Assert.That(error.Detail, Is.EqualTo("compiled SQL: target/compiled/models/orders.sql"));
    }

    [Test]
    public void An_error_inside_a_macro_expansion_points_at_the_call()
    {
        var model = "select\n    {{ dateadd('day', '1 +', 'ordered_at') }} as due\nfrom raw.orders\n";
        var error = Validate(model).Single();
        Assert.That(error.Span!.Value.Line, Is.EqualTo(2));
        Assert.That(error.Span!.Value.Column, Is.EqualTo(8), "the macro call inside {{ }}");
    }

    [Test]
    public void A_valid_model_has_no_diagnostics()
    {
        Assert.That(Validate("with a as (select 1 as id)\nselect top 10 id from a order by id\n"), Is.Empty);
    }

    [Test]
    public void ORDER_BY_without_TOP_is_an_error_explained_at_compile_time()
    {
        var error = Validate("select id\nfrom raw.orders\norder by id\n").Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Analysis.OrderByWithoutTopCode));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/orders.sql:3:1"));
        Assert.That(error.Hint, Does.Contain("OFFSET 0 ROWS"));
    }

    [Test]
    public void ORDER_BY_inside_a_common_table_expression_is_found_too()
    {
        var error = Validate("with a as (\n  select id from raw.orders order by id\n)\nselect id from a\n").Single();
        Assert.That(error.Span!.Value.Line, Is.EqualTo(2));
    }

    [TestCase("select top 5 id from raw.orders order by id")]
    [TestCase("select id from raw.orders order by id offset 0 rows")]
    [TestCase("select id, row_number() over (order by id) as n from raw.orders")]
    [TestCase("select id from raw.orders order by id for json path")]
    public void ORDER_BY_with_TOP_OFFSET_FOR_or_in_OVER_is_accepted(string model)
    {
        Assert.That(Validate(model), Is.Empty);
    }

    [Test]
    public void Many_syntax_errors_are_cut_after_the_first_three()
    {
        var diagnostics = Validate("select ,, from\nselect ,, from\nselect ,, from\nselect ,, from\nselect ,, from\n");
        Assert.That(diagnostics.Count, Is.LessThanOrEqualTo(4));
        if (diagnostics.Count == 4) Assert.That(diagnostics[3].Code, Is.EqualTo(DiagnosticCodes.Analysis.TooManySyntaxErrorsCode));
    }

    [Test]
    public void DuckDB_models_are_not_checked_with_the_TSql_grammar()
    {
        Assert.That(SqlValidator.ForTarget("duckdb"), Is.SameAs(SqlValidator.None));
        Assert.That(Validate("select 1 as x order by 1", target: "duckdb"), Is.Empty);
    }

    [Test]
    public void A_column_without_a_name_is_an_error_at_the_expression()
    {
        var error = Validate("select id,\n    count(*)\nfrom raw.orders\ngroup by id\n").Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Analysis.UnnamedColumnCode));
        Assert.That(error.Message, Does.StartWith("column 2 of the model has no name"));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/orders.sql:2:5"));
    }

    [Test]
    public void Two_columns_with_one_name_are_an_error_at_the_second()
    {
        var error = Validate("select o.id, c.ID\nfrom raw.orders o join raw.customers c on c.id = o.customer_id\n").Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Analysis.DuplicateColumnCode));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/orders.sql:1:14"));
    }

    [TestCase("select * from raw.orders")]
    [TestCase("select o.*, c.name from raw.orders o join raw.customers c on c.id = o.customer_id")]
    [TestCase("select id, 1 as one from raw.orders union all select id, count(*) from raw.returns group by id")]
    [TestCase("with a as (select count(*) as n from raw.orders) select n from a")]
    public void Named_columns_stars_and_later_union_branches_are_accepted(string model)
    {
        Assert.That(Validate(model), Is.Empty);
    }

    [TestCase("select 1 as x\nGO\nselect 2 as y\n", 3)]
    [TestCase("select 1 as x;\ndelete from raw.orders\n", 2)]
    [TestCase("update raw.orders set amount = 0\n", 1)]
    public void A_model_that_is_not_one_SELECT_is_an_error_at_the_stray_statement(string model, int line)
    {
        var error = Validate(model).Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Analysis.NotASingleSelectCode));
        Assert.That(error.Span!.Value.Line, Is.EqualTo(line));
    }
}
