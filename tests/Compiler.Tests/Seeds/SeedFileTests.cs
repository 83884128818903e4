using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Seeds;

public sealed class SeedFileTests
{
    private static (SeedFile? Seed, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, Dictionary<string, string>? columnTypes = null, SeedTypeMap? map = null)
    {
        var bag = new DiagnosticBag();
        var options = SeedOptions.Default with { ColumnTypes = columnTypes ?? [] };
        var seed = SeedFile.Parse(new SourceText("seeds/orders.csv", text), options, map ?? SeedTypeMap.DuckDb, bag);
        return (seed, bag.ToList());
    }

    [Test]
    public void Rows_hold_typed_values()
    {
        var (seed, diagnostics) = Parse(""""
            id,ok,amount,ratio,day,at,name,nothing
            1,true,1.50,1e2,2024-03-01,2024-03-01T10:15:30.5,ann,
            2,false,,2.5,2024-03-02,2024-03-02 11:00,"b, ""c""",
            """");
        Assert.That(diagnostics, Is.Empty);
        Assert.That(seed!.Columns.Select(c => c.SqlType), Is.EqualTo(new[]
        {
            "BIGINT", "BOOLEAN", "DECIMAL(3,2)", "DOUBLE", "DATE", "TIMESTAMP", "VARCHAR", "VARCHAR",
        }));
        Assert.That(seed.Rows[0], Is.EqualTo(new object?[]
        {
            1L, true, 1.50m, 100d, new DateOnly(2024, 3, 1), new DateTime(2024, 3, 1, 10, 15, 30, 500), "ann", null,
        }));
        Assert.That(seed.Rows[1], Is.EqualTo(new object?[]
        {
            2L, false, null, 2.5d, new DateOnly(2024, 3, 2), new DateTime(2024, 3, 2, 11, 0, 0), "b, \"c\"", null,
        }));
    }

    [Test]
    public void Names_are_kept_as_written()
    {
        var (seed, _) = Parse("Order Id,\"Amount, EUR\"\n1,2\n");
        Assert.That(seed!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Order Id", "Amount, EUR" }));
    }

    [Test]
    public void Decimals_wider_than_system_decimal_stay_text()
    {
        var wide = "1234567890123456789012345678.5";
        var (seed, _) = Parse($"n\n{wide}\n");
        Assert.That(seed!.Columns[0].SqlType, Is.EqualTo("DECIMAL(29,1)"));
        Assert.That(seed.Rows[0][0], Is.EqualTo(wide));
    }

    [Test]
    public void Blank_values_in_typed_columns_are_null()
    {
        var (seed, _) = Parse("n,wide\n1,1234567890123456789012345678.5\n  , \n");
        Assert.That(seed!.Rows[1], Is.EqualTo(new object?[] { null, null }));
    }

    [Test]
    public void Column_types_override_inference_and_pass_the_type_text_through()
    {
        var (seed, diagnostics) = Parse("zip,amount,code\n01234,12.5,7\n", new() { ["zip"] = "varchar(5)", ["amount"] = "decimal(10,2)", ["CODE"] = "integer" });
        Assert.That(diagnostics, Is.Empty);
        Assert.That(seed!.Columns.Select(c => c.SqlType), Is.EqualTo(new[] { "varchar(5)", "decimal(10,2)", "integer" }));
        Assert.That(seed.Rows[0], Is.EqualTo(new object?[] { "01234", 12.5m, 7L }));
    }

    [Test]
    public void A_value_that_does_not_fit_its_declared_type_points_at_the_field()
    {
        var (seed, diagnostics) = Parse("id,amount\n1,2.5\n2,abc\n", new() { ["amount"] = "decimal(10,2)" });
        Assert.That(seed, Is.Null);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].ToString(), Is.EqualTo(
            "seeds/orders.csv:3:3: error MF1610: 'abc' in column 'amount' (line 3, column 3) is not a valid DECIMAL(10,2)"));
        Assert.That(diagnostics[0].Hint, Does.Contain("column_types"));
    }

    [Test]
    public void Every_bad_value_is_reported_before_anything_loads()
    {
        var (seed, diagnostics) = Parse("a,b\n1,x\n300,2\nz,3\n", new() { ["a"] = "tinyint", ["b"] = "int" });
        Assert.That(seed, Is.Null);
        Assert.That(diagnostics.Select(d => d.Span!.Value.ToString()), Is.EqualTo(new[]
        {
            "seeds/orders.csv:2:3", "seeds/orders.csv:3:1", "seeds/orders.csv:4:1",
        }));
    }

    [TestCase("decimal(4,2)", "123.4", false)]
    [TestCase("decimal(4,2)", "12.345", true)]
    [TestCase("numeric(5)", "12345", true)]
    [TestCase("integer", "2147483648", false)]
    [TestCase("bigint", "2147483648", true)]
    [TestCase("smallint", "-32769", false)]
    [TestCase("integer", "1.0", false)]
    [TestCase("varchar(3)", "abcd", false)]
    [TestCase("nvarchar(4)", "abcd", true)]
    [TestCase("boolean", "1", true)]
    [TestCase("bit", "yes", false)]
    [TestCase("date", "2024-13-01", false)]
    [TestCase("date", "2024-01-01 10:00", false)]
    [TestCase("timestamp", "2024-01-01", true)]
    [TestCase("datetime2", "2024-01-01T10:00:00.1234567", true)]
    [TestCase("double", "1e400", false)]
    [TestCase("float", "-1.5e3", true)]
    [TestCase("json", "{\"\"a\"\": 1}", true)]
    public void Declared_types_check_their_values(string type, string value, bool valid)
    {
        var (seed, diagnostics) = Parse($"c\n\"{value}\"\n", new() { ["c"] = type });
        Assert.That(seed is not null, Is.EqualTo(valid), string.Join("\n", diagnostics));
    }

    [Test]
    public void Unknown_declared_types_pass_the_text_for_the_database_to_cast()
    {
        var (seed, _) = Parse("c\n\"[1, 2]\"\n", new() { ["c"] = "INTEGER[]" });
        Assert.That(seed!.Columns[0].Type, Is.EqualTo(SeedType.Unknown));
        Assert.That(seed.Rows[0][0], Is.EqualTo("[1, 2]"));
    }

    [Test]
    public void A_column_types_key_that_matches_no_column_is_a_warning_with_a_suggestion()
    {
        var (seed, diagnostics) = Parse("amount\n1\n", new() { ["amonut"] = "double" });
        Assert.That(seed, Is.Not.Null);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo(
            "seeds/orders.csv:1:1: warning MF1622: column_types names 'amonut', which is not a column of this seed"));
        Assert.That(diagnostics.Single().Hint, Is.EqualTo("did you mean 'amount'?"));
    }

    [Test]
    public void Conversion_errors_stop_being_listed_after_twenty()
    {
        var text = "n\n" + string.Concat(Enumerable.Repeat("x\n", 25));
        var (_, diagnostics) = Parse(text, new() { ["n"] = "integer" });
        Assert.That(diagnostics, Has.Count.EqualTo(CsvReader.MaxErrors + 1));
    }

    [Test]
    public void Long_values_are_shortened_in_messages()
    {
        var (_, diagnostics) = Parse("n\n" + new string('x', 100) + "\n", new() { ["n"] = "integer" });
        Assert.That(diagnostics.Single().Message, Does.StartWith("'" + new string('x', 57) + "...' in column 'n'"));
    }

    [Test]
    public void A_file_with_reader_errors_gives_no_seed()
    {
        var (seed, diagnostics) = Parse("a,b\n1\n");
        Assert.That(seed, Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.Seeds.RaggedRowCode));
    }
}
