using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Introspection;

/// <summary>DuckDB's sum() of integers is a 128-bit HUGEINT; tests, show and run_query read it as a number.</summary>
public sealed class HugeIntTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("huge")
        .WithProjectFile()
        .With("models/amounts.sql", "select 1 as id, 5::bigint as amount union all select 2, 7");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private TempProject WithSumTest(string name, string warnIf, string errorIf) => _project.With($"tests/{name}.sql",
        $"{{{{ config(fail_calc='sum(amount)', warn_if='{warnIf}', error_if='{errorIf}') }}}}\nselect * from {{{{ ref('amounts') }}}}");

    [Test]
    public void A_sum_fail_calc_above_error_if_fails_the_test()
    {
        WithSumTest("sum_fails", ">1", ">10");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("FAIL 12").And.Contain("Got 12 results, configured to fail if >10"));
    }

    [Test]
    public void A_sum_fail_calc_between_the_thresholds_warns()
    {
        WithSumTest("sum_warns", ">10", ">100");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("WARN 12").And.Contain("configured to warn if >10"));
    }

    [Test]
    public void A_sum_fail_calc_below_both_thresholds_passes()
    {
        WithSumTest("sum_passes", ">100", ">1000");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("PASS test sum_passes"));
    }

    [Test]
    public void A_generic_test_with_a_sum_fail_calc_counts_a_hugeint()
    {
        _project.With("models/schema.yml",
            "models:\n  - name: amounts\n    columns:\n      - name: amount\n        data_tests:\n          - accepted_values:\n              values: [5]\n              config:\n                fail_calc: 'sum(n_records)'\n");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("FAIL 1"));
    }

    [Test]
    public void Show_prints_hugeint_and_uhugeint_values_in_full()
    {
        _project.Forge("run");

        var result = _project.Forge("show", "--inline",
            "select sum(amount) as total, 170141183460469231731687303715884105727::hugeint as big, 340282366920938463463374607431768211455::uhugeint as ubig from {{ ref('amounts') }}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("12    | 170141183460469231731687303715884105727 | 340282366920938463463374607431768211455"));
    }

    [Test]
    public void Run_query_of_a_hugeint_sum_renders_as_an_integer()
    {
        _project.Forge("run", "-s", "amounts");
        _project.With("models/total.sql",
            "{% set r = run_query('select sum(amount) as total from ' ~ ref('amounts')) %}\nselect {{ r.columns[0].values()[0] if execute else 0 }} as total");

        var result = _project.Forge("compile", "-s", "total");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/huge/models/total.sql"), Does.Contain("select 12 as total"));
    }

    [Test]
    public void Show_prints_a_decimal_38_wider_than_System_Decimal_instead_of_crashing()
    {
        var result = _project.Forge("show", "--inline", "select 12345678901234567890123456789012345678::decimal(38,0) as wide");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("12345678901234567890123456789012345678"));
    }
}
