using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.UnitTests;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

internal sealed partial class SchemaFileParser
{
    private static readonly string[] UnitTestKeys = ["name", "model", "description", "given", "expect", "overrides", "config", "versions"];

    private static readonly string[] FixtureKeys = ["input", "format", "rows", "fixture"];

    /// <summary>
    /// dbt 1.8's <c>unit_tests:</c>. Only the shape is read here; which model and inputs the names
    /// denote, and fixture files, are the compiler's (ProjectCompiler.UnitTests.cs).
    /// </summary>
    private List<UnitTestDefinition> UnitTests(YamlMappingNode root)
    {
        var result = new List<UnitTestDefinition>();
        foreach (var (item, name) in NamedItems(YamlReader.Get(root, "unit_tests"), "unit_tests", "unit test"))
        {
            KeySpellingCheck.CheckEntry(_reader, item, "unit test", UnitTestKeys);
            var modelNode = YamlReader.Get(item, "model");
            var given = new List<UnitTestFixture>();
            foreach (var entry in _reader.Sequence(YamlReader.Get(item, "given"), "given")?.Children ?? [])
            {
                if (Fixture(entry, "an item of 'given'") is { } fixture) given.Add(fixture);
            }
            var overrides = _reader.Mapping(YamlReader.Get(item, "overrides"), "overrides");
            var versions = _reader.Mapping(YamlReader.Get(item, "versions"), "versions");
            result.Add(new UnitTestDefinition
            {
                Name = name,
                Model = _reader.String(modelNode, "model"),
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                Given = given,
                Expect = YamlReader.Get(item, "expect") is { } expect ? Fixture(expect, "expect") : null,
                Overrides = overrides is null ? new UnitTestOverrides() : new UnitTestOverrides
                {
                    Macros = _reader.Dictionary(YamlReader.Get(overrides, "macros"), "macros") ?? Empty.Dictionary,
                    Vars = _reader.Dictionary(YamlReader.Get(overrides, "vars"), "vars") ?? Empty.Dictionary,
                    EnvVars = _reader.Dictionary(YamlReader.Get(overrides, "env_vars"), "env_vars") ?? Empty.Dictionary,
                },
                Config = _reader.Dictionary(YamlReader.Get(item, "config"), "config") ?? Empty.Dictionary,
                IncludeVersions = versions is null ? null : VersionList(versions, "include"),
                ExcludeVersions = versions is null ? null : VersionList(versions, "exclude"),
                Span = _reader.Span(item),
                ModelSpan = modelNode is null ? null : _reader.Span(modelNode),
            });
        }
        return result;
    }

    private List<object?>? VersionList(YamlMappingNode versions, string key)
    {
        var node = YamlReader.Get(versions, key);
        if (YamlReader.IsNull(node)) return null;
        // dbt accepts one version or a list of them.
        return node is YamlSequenceNode ? (List<object?>)_reader.Value(node!)! : [_reader.Value(node!)];
    }

    private UnitTestFixture? Fixture(YamlNode node, string what)
    {
        if (_reader.Mapping(node, what) is not { } map) return null;
        KeySpellingCheck.CheckEntry(_reader, map, "unit test input", FixtureKeys);
        var formatNode = YamlReader.Get(map, "format");
        var format = FixtureFormat.Dict;
        if (_reader.String(formatNode, "format") is { } formatText)
        {
            if (!Enum.TryParse(formatText, ignoreCase: true, out format) || formatText.Any(char.IsDigit))
            {
                _reader.Diagnostics.Add(DiagnosticCodes.UnitTests.UnknownFormat(_reader.Span(formatNode!), formatText));
                return null;
            }
        }
        var rowsNode = YamlReader.Get(map, "rows");
        var fixtureNode = YamlReader.Get(map, "fixture");
        IReadOnlyList<IReadOnlyDictionary<string, object?>>? rows = null;
        string? text = null;
        var columnSpans = new Dictionary<string, SourceSpan>(StringComparer.OrdinalIgnoreCase);
        if (rowsNode is not null && !YamlReader.IsNull(rowsNode))
        {
            if (format == FixtureFormat.Dict) rows = DictRows(rowsNode, columnSpans);
            else text = _reader.String(rowsNode, "rows");
        }
        else if (rowsNode is not null)
        {
            rows = [];
        }
        return new UnitTestFixture
        {
            Input = _reader.String(YamlReader.Get(map, "input"), "input"),
            Format = format,
            Rows = rows,
            Text = text,
            Fixture = _reader.String(fixtureNode, "fixture"),
            ColumnSpans = columnSpans,
            Span = _reader.Span(map),
            RowsSpan = rowsNode is not null ? _reader.Span(rowsNode) : fixtureNode is not null ? _reader.Span(fixtureNode) : null,
        };
    }

    private List<IReadOnlyDictionary<string, object?>>? DictRows(YamlNode node, Dictionary<string, SourceSpan> columnSpans)
    {
        if (_reader.Sequence(node, "rows", "with format dict (the default), write rows as a list of mappings, e.g. - {id: 1, status: placed}") is not { } list)
            return null;
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var row in list.Children)
        {
            if (_reader.Mapping(row, "a row of 'rows'") is not { } map) continue;
            foreach (var (key, _) in map.Children) columnSpans.TryAdd(YamlValues.KeyText(key), _reader.Span(key));
            rows.Add((Dictionary<string, object?>)_reader.Value(map)!);
        }
        return rows;
    }
}
