using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

/// <summary>The command line itself: dbt's `@` operator, and usage errors that are one line and a hint, exit 2.</summary>
public sealed class CommandLineTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/raw_orders.sql", "select 1 as order_id, 7 as customer_id")
        .With("models/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
        .With("models/stg_customers.sql", "select 7 as customer_id, 'Ada' as name")
        .With("models/orders.sql", "select o.order_id, c.name from {{ ref('stg_orders') }} o join {{ ref('stg_customers') }} c using (customer_id)")
        .With("models/unrelated.sql", "select 1 as x");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void At_selects_the_model_its_descendants_and_every_ancestor_of_those()
    {
        var result = _project.Forge("run", "-s", "@stg_orders");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var results = JsonDocument.Parse(_project.Read("target/run_results.json"));
        var ran = results.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("unique_id").GetString()).Order();
        Assert.That(ran, Is.EqualTo(new[] { "model.shop.orders", "model.shop.raw_orders", "model.shop.stg_customers", "model.shop.stg_orders" }));
        Assert.That(Database.Scalar(_project.DatabasePath, "select name from main.orders"), Is.EqualTo("Ada"));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "unrelated"), Is.Null);
    }

    [Test]
    public void A_mistyped_flag_after_select_is_rejected_instead_of_selecting_it()
    {
        var result = _project.Forge("run", "-s", "orders", "--fullrefresh");

        AssertUsageError(result, "error MF1051: unknown option '--fullrefresh' for `forge run`", "  hint: did you mean '--full-refresh'?");
        Assert.That(File.Exists(_project.DatabasePath), Is.False, "nothing ran");
    }

    [Test]
    public void An_unknown_command_suggests_the_nearest_one()
    {
        AssertUsageError(_project.Forge("rn"), "error MF1050: unknown command 'rn' for `forge`", "  hint: did you mean `forge run`?");
    }

    [Test]
    public void A_subcommand_given_by_its_first_letters_is_suggested_in_full()
    {
        AssertUsageError(_project.Forge("docs", "gen"), "error MF1050: unknown command 'gen' for `forge docs`", "  hint: did you mean `forge docs generate`?");
    }

    [Test]
    public void An_option_of_another_command_says_which_commands_take_it()
    {
        var result = _project.Forge("compile", "--full-refresh");

        AssertUsageError(result, "error MF1051: unknown option '--full-refresh' for `forge compile`", null);
        Assert.That(result.Error, Does.Contain("`forge run`").And.Contain("`forge build`"));
    }

    [Test]
    public void Threads_that_are_not_a_number_say_what_is_expected_without_type_names()
    {
        AssertUsageError(_project.Forge("run", "--threads", "abc"), "error MF1052: --threads expects a whole number from 1 up, got 'abc'", "  hint: e.g. --threads 4");
    }

    [TestCase("80000")]
    [TestCase("-1")]
    public void A_port_outside_the_tcp_range_is_a_usage_error(string port)
    {
        AssertUsageError(_project.Forge("docs", "serve", "--port", port),
            $"error MF1052: --port expects a port number from 0 to 65535 (0 picks a free one), got '{port}'", "  hint: e.g. --port 8080");
    }

    [Test]
    public void A_value_outside_a_choice_suggests_the_nearest_choice()
    {
        AssertUsageError(_project.Forge("run", "--log-format", "jsn"), "error MF1052: --log-format expects text or json, got 'jsn'", "  hint: did you mean 'json'?");
    }

    [Test]
    public void A_stray_word_after_a_command_suggests_select()
    {
        AssertUsageError(_project.Forge("run", "orders"), "error MF1053: unexpected argument 'orders' for `forge run`",
            "  hint: `forge run` takes no arguments here; to pick nodes write `--select orders`");
    }

    [Test]
    public void A_command_group_without_its_command_lists_them()
    {
        AssertUsageError(_project.Forge("docs"), "error MF1054: `forge docs` needs a command: generate, serve", null);
    }

    [Test]
    public void An_option_without_its_value_says_so()
    {
        AssertUsageError(_project.Forge("run", "--threads"), "error MF1055: --threads needs a value", null);
    }

    [TestCase("run", "--select")]
    [TestCase("init")]
    [TestCase("ls", "--output", "xml")]
    [TestCase("deps", "--source", "svn")]
    [TestCase("show", "--limit", "1.5")]
    [TestCase("run", "--threads", "99999999999")]
    [TestCase("run", "-s", "a", "-x", "--no-colour")]
    [TestCase("docs", "serve", "--port=")]
    public void Every_usage_error_is_one_line_and_a_hint_with_exit_2(params string[] args)
    {
        AssertUsageError(_project.Forge(args), null, null);
    }

    [Test]
    public void A_free_text_value_may_look_like_a_flag()
    {
        var result = _project.Forge("show", "--inline", "-x");

        Assert.That(result.Error, Does.Not.Contain("MF1051"), result.ToString());
    }

    private static void AssertUsageError(ForgeResult result, string? message, string? hint)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), result.ToString());
        Assert.That(lines[0], Does.Match(@"^error MF105\d: "));
        Assert.That(lines[1], Does.StartWith("  hint: "));
        if (message is not null) Assert.That(lines[0], Is.EqualTo(message));
        if (hint is not null) Assert.That(lines[1], Is.EqualTo(hint));
        Assert.That(result.All, Does.Not.Contain("System.").And.Not.Contain("   at "));
    }
}
