using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>
/// dbt reads its YAML with PyYAML, whose plain scalars follow YAML 1.1. The expected values were
/// produced once with PyYAML 6.0.3 (<c>yaml.safe_load("k: " + text)["k"]</c>).
/// </summary>
public sealed class Yaml11ScalarTests
{
    private static readonly string[] TrueWords = ["yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"];
    private static readonly string[] FalseWords = ["no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"];

    [TestCaseSource(nameof(TrueWords))]
    public void Yes_on_and_true_in_any_of_three_cases_are_true(string word) => Assert.That(PlainScalarResolver.Resolve(word), Is.EqualTo(true));

    [TestCaseSource(nameof(FalseWords))]
    public void No_off_and_false_in_any_of_three_cases_are_false(string word) => Assert.That(PlainScalarResolver.Resolve(word), Is.EqualTo(false));

    [TestCase("y")]
    [TestCase("Y")]
    [TestCase("n")]
    [TestCase("N")]
    [TestCase("yEs")]
    [TestCase("tRue")]
    public void Single_letters_and_mixed_case_stay_text_as_in_pyyaml(string word) => Assert.That(PlainScalarResolver.Resolve(word), Is.EqualTo(word));

    [TestCase("-5", -5L)]
    [TestCase("999999999999999999", 999999999999999999L)]
    [TestCase("-999999999999999999", -999999999999999999L)]
    [TestCase("1234567890123456789", 1234567890123456789L)]
    [TestCase("-9223372036854775808", long.MinValue)]
    [TestCase("017", 15L)]
    [TestCase("0b101", 5L)]
    [TestCase("-0b101", -5L)]
    [TestCase("1_000", 1000L)]
    [TestCase("1__0", 10L)]
    [TestCase("1_", 1L)]
    [TestCase("1:30", 90L)]
    [TestCase("-1:30", -90L)]
    [TestCase("0x1F", 31L)]
    [TestCase("-0x1F", -31L)]
    [TestCase("0x_1F", 31L)]
    [TestCase("+12", 12L)]
    [TestCase("0", 0L)]
    [TestCase("-0", 0L)]
    [TestCase("00", 0L)]
    [TestCase("1.0e+3", 1000.0)]
    [TestCase("1.5E-2", 0.015)]
    [TestCase("1.", 1.0)]
    [TestCase(".5", 0.5)]
    [TestCase("0.1_2", 0.12)]
    [TestCase("09.5", 9.5)]
    [TestCase("1:30.5", 90.5)]
    [TestCase("0.", 0.0)]
    public void Numbers_follow_yaml_1_1(string text, object expected) => Assert.That(PlainScalarResolver.Resolve(text), Is.EqualTo(expected));

    [TestCase("1e3")]
    [TestCase("12e5")]
    [TestCase("1.0e3")]
    [TestCase("-.5")]
    [TestCase("0o17")]
    [TestCase("08")]
    [TestCase("_1")]
    [TestCase("1:60")]
    [TestCase("0b")]
    [TestCase("0x")]
    [TestCase("1,000")]
    [TestCase("+")]
    [TestCase(".")]
    [TestCase("2024-01-01")]
    public void Shapes_pyyaml_does_not_read_as_numbers_stay_text(string text) => Assert.That(PlainScalarResolver.Resolve(text), Is.EqualTo(text));

    // Up to 18 digits take a short path (no regex, no BigInteger); 19 and more the general one: both give a long.
    [TestCase("2")]
    [TestCase("-0")]
    [TestCase("+4")]
    [TestCase("999999999999999999")]
    [TestCase("9223372036854775807")]
    [TestCase("-9223372036854775808")]
    public void Decimal_integers_that_fit_are_longs(string text) =>
        Assert.That(PlainScalarResolver.Resolve(text), Is.TypeOf<long>().And.EqualTo(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void Integers_past_64_bits_keep_their_magnitude_as_a_double()
    {
        Assert.That(PlainScalarResolver.Resolve("99999999999999999999"), Is.EqualTo(1e20));
    }

    [TestCaseSource(nameof(FalseWords))]
    public void Enabled_false_words_in_the_project_file_disable_models(string word)
    {
        using var dir = new TempProjectDirectory($"name: shop\nmodels:\n  shop:\n    legacy:\n      +enabled: {word}\n")
            .Write("models/legacy/old.sql", "select 1").Write("models/new.sql", "select 1");
        var project = dir.LoadClean();

        Assert.That(project.Configs.Resolve(project.Models.Single(m => m.Name == "old")).Enabled, Is.False);
        Assert.That(project.Configs.Resolve(project.Models.Single(m => m.Name == "new")).Enabled, Is.True);
    }

    [TestCaseSource(nameof(TrueWords))]
    public void Enabled_true_words_in_the_project_file_enable_a_folder_again(string word)
    {
        using var dir = new TempProjectDirectory($"name: shop\nmodels:\n  shop:\n    +enabled: off\n    kept:\n      +enabled: {word}\n")
            .Write("models/kept/a.sql", "select 1").Write("models/b.sql", "select 1");
        var project = dir.LoadClean();

        Assert.That(project.Configs.Resolve(project.Models.Single(m => m.Name == "a")).Enabled, Is.True);
        Assert.That(project.Configs.Resolve(project.Models.Single(m => m.Name == "b")).Enabled, Is.False);
    }

    [Test]
    public void Project_vars_read_yes_as_true_and_octal_as_a_number()
    {
        using var dir = new TempProjectDirectory("name: shop\nvars:\n  backfill: yes\n  mode: 0755\n  label: y\n");
        var project = dir.LoadClean();

        Assert.That(project.Vars["backfill"], Is.EqualTo(true));
        Assert.That(project.Vars["mode"], Is.EqualTo(493L));
        Assert.That(project.Vars["label"], Is.EqualTo("y"));
    }

    private static IEnumerable<object[]> EveryWord() =>
        TrueWords.Select(w => new object[] { w, true }).Concat(FalseWords.Select(w => new object[] { w, false }));

    [TestCaseSource(nameof(EveryWord))]
    public void Column_quote_reads_yaml_1_1_booleans(string word, bool expected)
    {
        var bag = new DiagnosticBag();
        var file = SchemaFile.Parse(new SourceText("models/schema.yml", $"models:\n  - name: orders\n    columns:\n      - name: id\n        quote: {word}\n"), bag);

        Assert.That(bag.ToList(), Is.Empty);
        Assert.That(file.Models.Single().Columns.Single().Quote, Is.EqualTo(expected));
    }

    [Test]
    public void Quote_y_is_text_and_reported_as_not_a_boolean()
    {
        var bag = new DiagnosticBag();
        SchemaFile.Parse(new SourceText("models/schema.yml", "models:\n  - name: orders\n    columns:\n      - name: id\n        quote: y\n"), bag);

        Assert.That(bag.ToList().Select(d => d.ToString()), Has.Some.Contains("models/schema.yml:5:16").And.Some.Contains("MF1003"));
    }

    [Test]
    public void Enabled_no_in_schema_yaml_disables_the_model_and_off_disables_a_source()
    {
        using var dir = new TempProjectDirectory()
            .Write("models/a.sql", "select 1")
            .Write("models/schema.yml", "models:\n  - name: a\n    config:\n      enabled: no\nsources:\n  - name: raw\n    config:\n      enabled: off\n    tables:\n      - name: t\n");
        var project = dir.LoadClean();

        Assert.That(project.Configs.Resolve(project.Models.Single()).Enabled, Is.False);
        Assert.That(project.Sources.Single().Enabled, Is.False);
    }

    [TestCaseSource(nameof(EveryWord))]
    public void Profile_flags_read_yaml_1_1_booleans(string word, bool expected)
    {
        using var dir = new TempProjectDirectory("name: shop\nprofile: shop\n");
        dir.Write("profiles.yml", $"shop:\n  target: dev\n  outputs:\n    dev:\n      type: sqlserver\n      server: db\n      database: dw\n      user: u\n      password: p\n      encrypt: {word}\n      trust_cert: {word}\n");
        var project = dir.LoadClean();

        var target = (SqlServerTargetProfile)project.Target;
        Assert.That((target.Encrypt, target.TrustCert), Is.EqualTo((expected, expected)));
    }

    [TestCaseSource(nameof(EveryWord))]
    public void Schema_config_enabled_reads_yaml_1_1_booleans(string word, bool expected)
    {
        using var dir = new TempProjectDirectory()
            .Write("models/a.sql", "select 1")
            .Write("models/schema.yml", $"models:\n  - name: a\n    config:\n      enabled: {word}\n");
        var project = dir.LoadClean();

        Assert.That(project.Configs.Resolve(project.Models.Single()).Enabled, Is.EqualTo(expected));
    }
}
