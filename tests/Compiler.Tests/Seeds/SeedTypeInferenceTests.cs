using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Seeds;

public sealed class SeedTypeInferenceTests
{
    private static ColumnProfile Infer(params string[] values)
    {
        var text = "c\n" + string.Concat(values.Select(v => v + "\n"));
        var table = CsvReader.Read(new SourceText("seeds/s.csv", text), ',', new DiagnosticBag())!;
        return SeedTypeInference.Infer(table, 0);
    }

    private static string DuckDb(params string[] values) => SeedTypeMap.DuckDb.SqlType(Infer(values));

    private static string SqlServer(params string[] values) => SeedTypeMap.SqlServer.SqlType(Infer(values));

    [TestCase("true", "FALSE", "True")]
    public void True_and_false_in_any_case_are_boolean(params string[] values) =>
        Assert.That(DuckDb(values), Is.EqualTo("BOOLEAN"));

    [Test]
    public void Whole_numbers_that_fit_64_bits_are_bigint() =>
        Assert.That(DuckDb("1", "-42", "+7", "9223372036854775807", "007"), Is.EqualTo("BIGINT"));

    [Test]
    public void A_whole_number_beyond_64_bits_is_a_decimal() =>
        Assert.That(DuckDb("1", "9223372036854775808"), Is.EqualTo("DECIMAL(19,0)"));

    [Test]
    public void Fractions_are_decimal_with_the_widest_digits_seen() =>
        Assert.That(DuckDb("1.5", "-123.25", "10", "0.125"), Is.EqualTo("DECIMAL(6,3)"));

    [Test]
    public void Leading_zeros_do_not_count_as_digits() =>
        Assert.That(DuckDb("0.5", "00.25"), Is.EqualTo("DECIMAL(2,2)"));

    [Test]
    public void Decimals_beyond_38_digits_become_double() =>
        Assert.That(DuckDb("1." + new string('1', 38)), Is.EqualTo("DOUBLE"));

    [Test]
    public void Scientific_notation_is_double() =>
        Assert.That(DuckDb("1", "2.5", "1e3", "-4.5E-2"), Is.EqualTo("DOUBLE"));

    [Test]
    public void Iso_dates_are_date() =>
        Assert.That(DuckDb("2024-01-31", "1999-12-01"), Is.EqualTo("DATE"));

    [Test]
    public void An_impossible_date_is_text() =>
        Assert.That(DuckDb("2024-02-30"), Is.EqualTo("VARCHAR"));

    [Test]
    public void Timestamps_take_t_or_space_and_fractional_seconds() =>
        Assert.That(DuckDb("2024-01-31T10:15:00", "2024-01-31 10:15", "2024-01-31 10:15:30.123456"), Is.EqualTo("TIMESTAMP"));

    [Test]
    public void Dates_mixed_with_timestamps_are_timestamp()
    {
        Assert.That(DuckDb("2024-01-31", "2024-01-31 10:15:00"), Is.EqualTo("TIMESTAMP"));
        Assert.That(DuckDb("2024-01-31 10:15:00", "2024-01-31"), Is.EqualTo("TIMESTAMP"));
    }

    [Test]
    public void Timestamps_with_a_zone_are_text() =>
        Assert.That(DuckDb("2024-01-31T10:15:00Z"), Is.EqualTo("VARCHAR"));

    [Test]
    public void Empty_values_are_null_and_do_not_change_the_type() =>
        Assert.That(DuckDb("", "1", "", "2", "\"\""), Is.EqualTo("BIGINT"));

    [Test]
    public void A_column_of_only_empty_values_is_text() =>
        Assert.That(DuckDb("", ""), Is.EqualTo("VARCHAR"));

    [Test]
    public void Spaces_around_a_number_do_not_make_it_text() =>
        Assert.That(DuckDb(" 1", "2 ", "  "), Is.EqualTo("BIGINT"));

    [TestCase("1", "abc")]
    [TestCase("true", "1")]
    [TestCase("2024-01-01", "5")]
    [TestCase("1.5", "2024-01-01")]
    [TestCase("true", "yes")]
    [TestCase("1", "\"say \"\"1\"\"\"")]
    public void Mixed_families_are_text(string first, string second) =>
        Assert.That(DuckDb(first, second), Is.EqualTo("VARCHAR"));

    [Test]
    public void Quoted_numbers_are_still_numbers() =>
        Assert.That(DuckDb("\"1\"", "\"2\""), Is.EqualTo("BIGINT"));

    [Test]
    public void Sql_server_names_its_own_types()
    {
        Assert.That(SqlServer("true"), Is.EqualTo("BIT"));
        Assert.That(SqlServer("1"), Is.EqualTo("BIGINT"));
        Assert.That(SqlServer("1.25"), Is.EqualTo("DECIMAL(3,2)"));
        Assert.That(SqlServer("1e5"), Is.EqualTo("FLOAT"));
        Assert.That(SqlServer("2024-01-01"), Is.EqualTo("DATE"));
        Assert.That(SqlServer("2024-01-01 00:00:00"), Is.EqualTo("DATETIME2"));
        Assert.That(SqlServer("abc"), Is.EqualTo("NVARCHAR(4000)"));
    }

    [Test]
    public void Sql_server_text_longer_than_4000_is_nvarchar_max()
    {
        Assert.That(SqlServer(new string('x', 4000)), Is.EqualTo("NVARCHAR(4000)"));
        Assert.That(SqlServer("a", new string('x', 4001)), Is.EqualTo("NVARCHAR(MAX)"));
    }

    [Test]
    public void Max_length_counts_collapsed_quotes() =>
        Assert.That(Infer("\"a\"\"b\"", "xy").MaxLength, Is.EqualTo(3));

    [Test]
    public void Type_maps_are_found_by_target_type()
    {
        Assert.That(SeedTypeMap.ForTarget("duckdb"), Is.SameAs(SeedTypeMap.DuckDb));
        Assert.That(SeedTypeMap.ForTarget("sqlserver"), Is.SameAs(SeedTypeMap.SqlServer));
        Assert.That(SeedTypeMap.ForTarget("postgres"), Is.Null);
    }
}
