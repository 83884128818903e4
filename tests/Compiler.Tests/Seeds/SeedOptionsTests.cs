using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Seeds;

public sealed class SeedOptionsTests
{
    private static (SeedOptions? Options, IReadOnlyList<Diagnostic> Diagnostics) From(Dictionary<string, object?> values)
    {
        var bag = new DiagnosticBag();
        var options = SeedOptions.FromConfig(new NodeConfig(values, ResourceType.Seed), "seeds/s.csv", bag);
        return (options, bag.ToList());
    }

    [Test]
    public void Defaults_are_a_comma_no_column_types_and_no_quoting()
    {
        var (options, _) = From([]);
        Assert.That(options!.Delimiter, Is.EqualTo(','));
        Assert.That(options.ColumnTypes, Is.Empty);
        Assert.That(options.QuoteColumns, Is.False);
    }

    [Test]
    public void Delimiter_column_types_and_quote_columns_are_read_from_config()
    {
        var (options, _) = From(new()
        {
            ["delimiter"] = "|",
            ["quote_columns"] = true,
            ["column_types"] = new Dictionary<string, object?> { ["amount"] = "decimal(10,2)" },
        });
        Assert.That(options!.Delimiter, Is.EqualTo('|'));
        Assert.That(options.QuoteColumns, Is.True);
        Assert.That(options.ColumnTypes["amount"], Is.EqualTo("decimal(10,2)"));
    }

    [Test]
    public void A_backslash_t_delimiter_is_a_tab() =>
        Assert.That(From(new() { ["delimiter"] = "\\t" }).Options!.Delimiter, Is.EqualTo('\t'));

    [Test]
    public void A_delimiter_longer_than_one_character_is_an_error()
    {
        var (options, diagnostics) = From(new() { ["delimiter"] = ";;" });
        Assert.That(options, Is.Null);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("seeds/s.csv: error MF1620: delimiter ';;' is not a single character"));
    }

    [Test]
    public void Column_types_that_are_not_a_mapping_are_an_error()
    {
        var (options, diagnostics) = From(new() { ["column_types"] = "decimal" });
        Assert.That(options, Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.Seeds.InvalidColumnTypesCode));
    }
}
