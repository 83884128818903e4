using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// Reads one unit test's fixtures into <see cref="UnitTestInput"/>s: inline rows, or a fixture file
/// found under <c>&lt;test-path&gt;/fixtures/</c> (any depth, as dbt searches), csv parsed with the
/// seed reader so a bad line is reported at its own line and column.
/// </summary>
internal sealed class UnitTestFixtureReader(LoadedProject project, string test, DiagnosticBag diagnostics)
{
    public UnitTestInput? Read(UnitTestFixture fixture, string upstreamId, string display, bool isThis)
    {
        var hasRows = fixture.Rows is not null || fixture.Text is not null;
        if (hasRows == (fixture.Fixture is not null))
        {
            diagnostics.Add(DiagnosticCodes.UnitTests.RowsAndFixture(fixture.RowsSpan ?? fixture.Span, test, hasRows));
            return null;
        }
        var span = fixture.RowsSpan ?? fixture.Span;
        var input = new UnitTestInput { Display = display, UpstreamId = upstreamId, IsThis = isThis, Span = span, ColumnSpans = fixture.ColumnSpans };
        if (fixture.Fixture is { } name)
        {
            var extension = fixture.Format == FixtureFormat.Sql ? "sql" : "csv";
            if (FindFixture(name, extension) is not { } path)
            {
                var looked = string.Join(", ", project.ProjectFile.TestPaths.Select(p => $"{p.TrimEnd('/')}/fixtures/**/{name}.{extension}"));
                diagnostics.Add(DiagnosticCodes.UnitTests.FixtureMissing(span, test, name, looked));
                return null;
            }
            var relative = Path.GetRelativePath(project.Root, path).Replace('\\', '/');
            var source = new SourceText(relative, File.ReadAllText(path));
            if (fixture.Format == FixtureFormat.Sql) return input with { Sql = source.Text, Span = new SourceSpan(source, 0, 0) };
            if (Csv(source, span, inFile: true, out var header) is not { } fileRows) return null;
            return input with { Rows = fileRows, Span = new SourceSpan(source, 0, 0), ColumnSpans = header };
        }
        return fixture.Format switch
        {
            FixtureFormat.Sql => input with { Sql = fixture.Text },
            FixtureFormat.Csv => Csv(new SourceText(span.Path, fixture.Text ?? ""), span, inFile: false, out _) is { } rows ? input with { Rows = rows } : null,
            _ when fixture.Rows is null => Report(DiagnosticCodes.UnitTests.BadCsv(span, test, "format dict needs rows as a list of mappings")),
            _ => input with { Rows = FixtureRows.FromDicts(fixture.Rows) },
        };
    }

    /// <summary>A seed the test gives no rows for stands in as itself: its CSV file's rows.</summary>
    public UnitTestInput? SeedRows(ProjectNode seed, string display)
    {
        if (seed.File is not { } file) return null;
        var delimiter = seed.Config.GetString("delimiter") is [var d] ? d : ',';
        var bag = new DiagnosticBag();
        var table = CsvReader.Read(file.Source, delimiter, bag);
        return table is null ? null : new UnitTestInput
        {
            Display = display, UpstreamId = seed.UniqueId, Rows = Rows(table), Span = new SourceSpan(file.Source, 0, 0),
        };
    }

    private string? FindFixture(string name, string extension)
    {
        foreach (var testPath in project.ProjectFile.TestPaths)
        {
            var folder = Path.Combine(project.Root, testPath, "fixtures");
            if (!Directory.Exists(folder)) continue;
            var found = Directory.EnumerateFiles(folder, $"{name}.{extension}", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
            if (found is not null) return found;
        }
        return null;
    }

    private FixtureRows? Csv(SourceText source, SourceSpan yamlSpan, bool inFile, out Dictionary<string, SourceSpan> header)
    {
        var bag = new DiagnosticBag();
        var table = CsvReader.Read(source, ',', bag);
        header = new Dictionary<string, SourceSpan>(StringComparer.OrdinalIgnoreCase);
        if (table is not null)
        {
            for (var i = 0; i < table.ColumnCount; i++) header.TryAdd(table.ColumnNames[i].Trim(), table.Span(table.HeaderFields[i]));
            return Rows(table);
        }
        // A fixture file has positions of its own; inline rows are reported at the YAML 'rows:' value.
        foreach (var error in bag.ToList().Where(e => e.IsError))
            diagnostics.Add(DiagnosticCodes.UnitTests.BadCsv(inFile && error.Span is { } at ? at : yamlSpan, test, error.Message, error.Hint));
        return null;
    }

    private static FixtureRows Rows(CsvTable table)
    {
        var rows = new List<IReadOnlyList<string?>>(table.RowCount);
        for (var r = 0; r < table.RowCount; r++)
        {
            var row = new string?[table.ColumnCount];
            for (var c = 0; c < table.ColumnCount; c++)
            {
                var field = table.Field(r, c);
                var text = table.Text(field);
                // An empty unquoted field is NULL; "" is the empty string.
                row[c] = field.Quoted ? text : text.Trim() is { Length: > 0 } trimmed ? trimmed : null;
            }
            rows.Add(row);
        }
        return new FixtureRows(table.ColumnNames.Select(n => n.Trim()).ToList(), rows);
    }

    private UnitTestInput? Report(Diagnostic diagnostic)
    {
        diagnostics.Add(diagnostic);
        return null;
    }
}
