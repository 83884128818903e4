using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>Reads schema YAML entries; one instance per file.</summary>
internal sealed partial class SchemaFileParser
{
    private static readonly string[] KnownKeys =
    [
        "version", "models", "seeds", "snapshots", "analyses", "sources", "macros",
        "metrics", "semantic_models", "saved_queries", "groups",
        // Read by later features or not at all; dbt accepts them, so do we.
        "exposures", "unit_tests", "data_tests", "tests",
    ];

    private readonly YamlReader _reader;

    // dbt renders sources' properties (database, schema, identifier…) with var() and env_var();
    // models' descriptions may hold doc() calls rendered later, so only sources use this reader.
    private readonly YamlReader _sourceReader;

    private SchemaFileParser(YamlReader reader, YamlReader sourceReader)
    {
        _reader = reader;
        _sourceReader = sourceReader;
    }

    public static SchemaFile Parse(SourceText source, DiagnosticBag diagnostics, IYamlValueRenderer? renderer)
    {
        var empty = new SchemaFile { Source = source };
        if (!YamlDocumentLoader.TryLoad(source, diagnostics, out var root) || root is null) return empty;
        var reader = new YamlReader(source, diagnostics);
        var map = reader.Mapping(root, source.Path);
        if (map is null) return empty;
        var parser = new SchemaFileParser(reader, new YamlReader(source, diagnostics, renderer, YamlRenderScope.Project));
        foreach (var (keyNode, _) in map.Children)
        {
            var key = YamlValues.KeyText(keyNode);
            if (Array.IndexOf(KnownKeys, key) < 0)
                diagnostics.Add(DiagnosticCodes.Project.UnknownSchemaKey(reader.Span(keyNode), key, NameSuggester.Nearest(key, KnownKeys)));
        }
        var (semanticModels, createdMetrics) = parser.SemanticModels(map);
        return empty with
        {
            SemanticModels = semanticModels,
            Metrics = [.. parser.Metrics(map), .. createdMetrics],
            SavedQueries = parser.SavedQueries(map),
            Groups = parser.Groups(map),
            Models = parser.Nodes(map, "models", ResourceType.Model),
            Seeds = parser.Nodes(map, "seeds", ResourceType.Seed),
            Snapshots = parser.Nodes(map, "snapshots", ResourceType.Snapshot),
            Analyses = parser.Nodes(map, "analyses", ResourceType.Analysis),
            Sources = parser.Sources(map),
            Macros = parser.Macros(map),
            UnitTests = parser.UnitTests(map),
        };
    }

    /// <summary>The mapping items of a top-level list, each with its name; items without a name are reported.</summary>
    private IEnumerable<(YamlMappingNode Item, string Name)> NamedItems(YamlNode? list, string what, string kind)
    {
        var sequence = _reader.Sequence(list, what);
        if (sequence is null) yield break;
        foreach (var item in sequence.Children)
        {
            // The description of the item is built only for an item that is not a mapping.
            if ((item as YamlMappingNode ?? _reader.Mapping(item, $"an item of '{what}'")) is not { } map) continue;
            var nameNode = YamlReader.Get(map, "name");
            var name = _reader.String(nameNode, "name");
            if (name is null)
            {
                if (YamlReader.IsNull(nameNode)) _reader.Diagnostics.Add(DiagnosticCodes.Project.MissingEntryName(_reader.Span(item), kind));
                continue;
            }
            yield return (map, name);
        }
    }

    private List<NodeProperties> Nodes(YamlMappingNode root, string key, ResourceType type)
    {
        var result = new List<NodeProperties>();
        var kind = type.ToString().ToLowerInvariant();
        foreach (var (item, name) in NamedItems(YamlReader.Get(root, key), key, kind))
        {
            KeySpellingCheck.CheckEntry(_reader, item, kind, KeySpellingCheck.NodeKeys);
            var attachment = new TestAttachment(type, name);
            result.Add(new NodeProperties
            {
                ResourceType = type,
                Name = name,
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                Config = _reader.Dictionary(YamlReader.Get(item, "config"), "config") ?? Empty.Dictionary,
                Columns = Columns(item, attachment),
                Tests = Tests(item, attachment, null),
                Constraints = RawList(item, "constraints"),
                Docs = _reader.Dictionary(YamlReader.Get(item, "docs"), "docs") ?? Empty.Dictionary,
                Meta = _reader.Dictionary(YamlReader.Get(item, "meta"), "meta") ?? Empty.Dictionary,
                Tags = _reader.StringList(YamlReader.Get(item, "tags"), "tags", allowSingle: true) ?? [],
                Access = _reader.String(YamlReader.Get(item, "access"), "access"),
                Group = _reader.String(YamlReader.Get(item, "group"), "group"),
                Raw = (Dictionary<string, object?>)_reader.Value(item)!,
                Span = _reader.Span(item),
            });
        }
        return result;
    }

    private List<ColumnProperties> Columns(YamlMappingNode entry, TestAttachment attachment)
    {
        var result = new List<ColumnProperties>();
        foreach (var (item, name) in NamedItems(YamlReader.Get(entry, "columns"), "columns", "column"))
        {
            KeySpellingCheck.CheckEntry(_reader, item, "column", KeySpellingCheck.ColumnKeys);
            result.Add(new ColumnProperties
            {
                Name = name,
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                DataType = _reader.String(YamlReader.Get(item, "data_type"), "data_type"),
                Quote = _reader.Bool(YamlReader.Get(item, "quote"), "quote"),
                Meta = _reader.Dictionary(YamlReader.Get(item, "meta"), "meta") ?? Empty.Dictionary,
                Tags = _reader.StringList(YamlReader.Get(item, "tags"), "tags", allowSingle: true) ?? [],
                Constraints = RawList(item, "constraints"),
                Tests = Tests(item, attachment, name),
                Raw = (Dictionary<string, object?>)_reader.Value(item)!,
                Span = _reader.Span(item),
            });
        }
        return result;
    }

    private List<object?> RawList(YamlMappingNode entry, string key) =>
        _reader.Sequence(YamlReader.Get(entry, key), key) is { } list ? (List<object?>)_reader.Value(list)! : [];

    private List<MacroProperties> Macros(YamlMappingNode root)
    {
        var result = new List<MacroProperties>();
        foreach (var (item, name) in NamedItems(YamlReader.Get(root, "macros"), "macros", "macro"))
        {
            result.Add(new MacroProperties
            {
                Name = name,
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                Arguments = RawList(item, "arguments"),
                Meta = _reader.Dictionary(YamlReader.Get(item, "meta"), "meta") ?? Empty.Dictionary,
                Span = _reader.Span(item),
            });
        }
        return result;
    }
}
