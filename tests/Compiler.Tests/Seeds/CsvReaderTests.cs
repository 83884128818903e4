using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Seeds;

public sealed class CsvReaderTests
{
    private static (CsvTable? Table, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, char delimiter = ',')
    {
        var bag = new DiagnosticBag();
        var table = CsvReader.Read(new SourceText("seeds/s.csv", text), delimiter, bag);
        return (table, bag.ToList());
    }

    private static string[][] Values(CsvTable table)
    {
        var rows = new string[table.RowCount][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new string[table.ColumnCount];
            for (var c = 0; c < table.ColumnCount; c++) rows[r][c] = table.Text(table.Field(r, c));
        }
        return rows;
    }

    private static string Single(IReadOnlyList<Diagnostic> diagnostics)
    {
        Assert.That(diagnostics, Has.Count.EqualTo(1), string.Join("\n", diagnostics));
        return diagnostics[0].ToString();
    }

    [Test]
    public void Header_and_rows_are_read_with_lf_line_ends()
    {
        var (table, diagnostics) = Read("id,name\n1,ann\n2,bob\n");
        Assert.That(diagnostics, Is.Empty);
        Assert.That(table!.ColumnNames, Is.EqualTo(new[] { "id", "name" }));
        Assert.That(Values(table), Is.EqualTo(new[] { new[] { "1", "ann" }, new[] { "2", "bob" } }));
    }

    [Test]
    public void Crlf_line_ends_and_a_missing_final_line_end_are_accepted()
    {
        var (table, _) = Read("id,name\r\n1,ann\r\n2,bob");
        Assert.That(Values(table!), Is.EqualTo(new[] { new[] { "1", "ann" }, new[] { "2", "bob" } }));
    }

    [Test]
    public void Quoted_fields_hold_delimiters_doubled_quotes_and_line_breaks()
    {
        var (table, diagnostics) = Read("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,\"\"\n");
        Assert.That(diagnostics, Is.Empty);
        Assert.That(Values(table!), Is.EqualTo(new[]
        {
            new[] { "1", "a, b" }, new[] { "2", "say \"hi\"" }, new[] { "3", "two\r\nlines" }, new[] { "4", "" },
        }));
    }

    [Test]
    public void Fields_keep_their_line_and_column_across_embedded_line_breaks()
    {
        var (table, _) = Read("id,note\n1,\"x\ny\"\n22,\"z\"\n");
        var field = table!.Field(1, 1);
        Assert.That((field.Line, field.Column), Is.EqualTo((4, 4)));
        Assert.That(table.Span(field).ToString(), Is.EqualTo("seeds/s.csv:4:4"));
        Assert.That((table.Field(1, 0).Line, table.Field(1, 0).Column), Is.EqualTo((4, 1)));
    }

    [Test]
    public void A_byte_order_mark_is_skipped_and_does_not_shift_columns()
    {
        var (table, _) = Read("\uFEFFid,name\n1,ann\n");
        Assert.That(table!.ColumnNames[0], Is.EqualTo("id"));
        Assert.That(table.HeaderFields[0].Column, Is.EqualTo(1));
        Assert.That(table.Span(table.Field(0, 1)).ToString(), Is.EqualTo("seeds/s.csv:2:3"));
    }

    [Test]
    public void The_delimiter_is_configurable()
    {
        var (table, _) = Read("id;amount\n1;2,5\n", ';');
        Assert.That(Values(table!), Is.EqualTo(new[] { new[] { "1", "2,5" } }));
        var (tabbed, _) = Read("a\tb\nx\ty\n", '\t');
        Assert.That(Values(tabbed!), Is.EqualTo(new[] { new[] { "x", "y" } }));
    }

    [Test]
    public void Blank_lines_are_skipped()
    {
        var (table, _) = Read("id\n\n1\n\r\n2\n\n");
        Assert.That(Values(table!), Is.EqualTo(new[] { new[] { "1" }, new[] { "2" } }));
    }

    [Test]
    public void A_header_without_rows_gives_an_empty_table()
    {
        var (table, diagnostics) = Read("id,name\n");
        Assert.That(diagnostics, Is.Empty);
        Assert.That(table!.RowCount, Is.Zero);
        Assert.That(table.ColumnCount, Is.EqualTo(2));
    }

    [Test]
    public void A_row_with_too_many_fields_points_at_the_first_extra_field()
    {
        var (table, diagnostics) = Read("a,b,c,d\n1,2,3,4\n1,2,3,4,5\n");
        Assert.That(table, Is.Null);
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:3:9: error MF1604: row has 5 fields, header has 4"));
        Assert.That(diagnostics[0].Hint, Does.Contain("double quotes"));
    }

    [Test]
    public void A_row_with_too_few_fields_points_just_past_its_last_field()
    {
        var (_, diagnostics) = Read("a,b,c\n1,22\n");
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:2:5: error MF1604: row has 2 fields, header has 3"));
    }

    [Test]
    public void Every_ragged_row_is_reported()
    {
        var (_, diagnostics) = Read("a,b\n1\n2,3\n4,5,6\n");
        Assert.That(diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "seeds/s.csv:2:2: error MF1604: row has 1 fields, header has 2",
            "seeds/s.csv:4:5: error MF1604: row has 3 fields, header has 2",
        }));
    }

    [Test]
    public void An_unterminated_quote_points_at_the_opening_quote()
    {
        var (table, diagnostics) = Read("id,note\n1,ok\n2,\"never closed\n3,x\n");
        Assert.That(table, Is.Null);
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:3:3: error MF1605: quoted field is never closed"));
    }

    [Test]
    public void Text_after_a_closing_quote_points_at_the_text()
    {
        var (_, diagnostics) = Read("id,note\n1,\"ab\"cd,\n");
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:2:7: error MF1606: text after the closing quote of a field"));
        Assert.That(diagnostics[0].Span!.Value.Length, Is.EqualTo(2));
    }

    [Test]
    public void An_empty_header_name_is_reported_with_its_position()
    {
        var (_, diagnostics) = Read("id,,name\n1,2,3\n");
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:1:4: error MF1602: column 2 of the header has no name"));
    }

    [Test]
    public void A_trailing_delimiter_in_the_header_is_an_empty_name()
    {
        var (_, diagnostics) = Read("id,name,\n1,a,\n");
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:1:9: error MF1602: column 3 of the header has no name"));
    }

    [Test]
    public void Duplicate_header_names_point_at_the_second_and_name_the_first()
    {
        var (_, diagnostics) = Read("id,name,ID\n1,a,2\n");
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:1:9: error MF1603: column 'ID' appears twice in the header (first at seeds/s.csv:1:1)"));
    }

    [TestCase("")]
    [TestCase("\uFEFF")]
    [TestCase("\n\r\n")]
    public void An_empty_file_is_an_error(string text)
    {
        var (table, diagnostics) = Read(text);
        Assert.That(table, Is.Null);
        Assert.That(Single(diagnostics), Is.EqualTo("seeds/s.csv:1:1: error MF1601: the seed file is empty"));
    }

    [Test]
    public void A_quote_inside_an_unquoted_field_is_text()
    {
        var (table, _) = Read("size\n5\"\n");
        Assert.That(Values(table!), Is.EqualTo(new[] { new[] { "5\"" } }));
    }

    [Test]
    public void Errors_stop_being_listed_after_twenty()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Repeat("1\n", 30));
        var (_, diagnostics) = Read(text);
        Assert.That(diagnostics, Has.Count.EqualTo(CsvReader.MaxErrors + 1));
        Assert.That(diagnostics.Count(d => d.Code == DiagnosticCodes.Seeds.TooManyErrorsCode), Is.EqualTo(1));
    }
}
