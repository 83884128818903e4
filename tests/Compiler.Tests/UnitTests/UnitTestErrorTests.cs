using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.UnitTests;

/// <summary>Every mistake in a unit_tests: entry stops the compile at its YAML line and column, with a hint.</summary>
public sealed class UnitTestErrorTests
{
    private TempProjectDirectory _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProjectDirectory("name: shop\n");
        _project.Write("models/stg_orders.sql", "select 1 as order_id");
        _project.Write("models/seed_reader.sql", "select * from {{ ref('countries') }}");
        _project.Write("seeds/countries.csv", "code,name\nDK,Denmark\n");
        _project.Write("models/orders.sql", "select * from {{ ref('stg_orders') }}");
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    private Diagnostic SingleError(string yaml)
    {
        _project.Write("models/unit.yml", yaml);
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(_project.Options(), diagnostics);
        if (loaded is not null) Assert.That(ProjectCompiler.Compile(loaded, new CompileOptions { Environment = _ => null }, diagnostics), Is.Null);
        var errors = diagnostics.ToList().Where(d => d.IsError).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
        return errors[0];
    }

    private const string Expect = "    expect:\n      rows: [{order_id: 1}]\n";

    [Test]
    public void An_unknown_model_is_reported_at_model_with_the_nearest_name()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: order\n    given: []\n" + Expect);
        Assert.That(error.ToString(), Is.EqualTo("models/unit.yml:3:12: error MF6071: unit test 't' tests model 'order', which does not exist or is disabled"));
        Assert.That(error.Hint, Is.EqualTo("did you mean 'orders'?"));
    }

    [Test]
    public void An_input_the_model_does_not_read_is_reported_at_the_input()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        rows: []\n" +
            "      - input: ref('stg_order')\n        rows: []\n" + Expect);
        Assert.That(error.ToString(), Is.EqualTo("models/unit.yml:7:9: error MF6073: unit test 't' gives input ref('stg_order'), which model 'orders' does not read"));
        Assert.That(error.Hint, Is.EqualTo("did you mean ref('stg_orders')?"));
    }

    [Test]
    public void A_ref_of_the_model_without_an_input_is_reported()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given: []\n" + Expect);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnitTests.InputMissingCode));
        Assert.That(error.Message, Does.Contain("gives no rows for ref('stg_orders')"));
        Assert.That(error.Hint, Does.Contain("- input: ref('stg_orders')"));
    }

    [Test]
    public void A_seed_without_an_input_stands_in_as_itself()
    {
        _project.Write("models/unit.yml", "unit_tests:\n  - name: t\n    model: seed_reader\n    given: []\n    expect:\n      rows: [{code: DK}]\n");
        var loaded = _project.LoadClean();
        var diagnostics = new DiagnosticBag();
        var compiled = ProjectCompiler.Compile(loaded, new CompileOptions { Environment = _ => null }, diagnostics);

        Assert.That(compiled, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        var input = compiled!.Nodes["unit_test.shop.seed_reader.t"].UnitTest!.Inputs.Single();
        Assert.That(input.Rows!.Rows.Single(), Is.EqualTo(new[] { "DK", "Denmark" }));
    }

    [Test]
    public void An_input_that_is_not_a_call_is_reported()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: stg_orders\n        rows: []\n" + Expect);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnitTests.BadInputCode));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/unit.yml:5:9"));
    }

    [Test]
    public void A_missing_fixture_file_is_reported_at_fixture()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        format: csv\n        fixture: no_such\n" + Expect);
        Assert.That(error.ToString(), Is.EqualTo("models/unit.yml:7:18: error MF6075: unit test 't': fixture 'no_such' not found (looked for tests/fixtures/**/no_such.csv)"));
    }

    [Test]
    public void A_bad_csv_fixture_file_is_reported_at_its_own_line()
    {
        _project.Write("tests/fixtures/orders.csv", "order_id,status\n1,placed\n2,shipped,extra\n");
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        format: csv\n        fixture: orders\n" + Expect);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnitTests.BadCsvCode));
        Assert.That(error.Span!.Value.ToString(), Does.StartWith("tests/fixtures/orders.csv:3:"));
        Assert.That(error.Message, Does.Contain("row has 3 fields, header has 2"));
    }

    [Test]
    public void Bad_inline_csv_is_reported_at_rows()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        format: csv\n        rows: |\n          id,id\n          1,2\n" + Expect);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnitTests.BadCsvCode));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/unit.yml:7:15"));
    }

    [Test]
    public void An_unknown_format_is_reported()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        format: json\n        rows: []\n" + Expect);
        Assert.That(error.ToString(), Is.EqualTo("models/unit.yml:6:17: error MF6077: unknown unit test format 'json'"));
    }

    [Test]
    public void Rows_and_fixture_together_are_reported()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        rows: []\n        fixture: x\n" + Expect);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnitTests.RowsAndFixtureCode));
    }

    [Test]
    public void A_unit_test_without_expect_is_reported()
    {
        var error = SingleError("unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        rows: []\n");
        Assert.That(error.ToString(), Is.EqualTo("models/unit.yml:2:5: error MF6070: unit test 't' has no 'expect:'"));
    }

    [Test]
    public void Two_unit_tests_of_one_name_on_one_model_are_reported()
    {
        const string entry = "  - name: t\n    model: orders\n    given:\n      - input: ref('stg_orders')\n        rows: []\n" + Expect;
        var error = SingleError("unit_tests:\n" + entry + entry);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnitTests.DuplicateCode));
    }
}
