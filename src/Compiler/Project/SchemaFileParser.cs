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
        foreach (var (item, name, _) in IndexedNamedItems(list, what, kind)) yield return (item, name);
    }

    /// <summary>As <see cref="NamedItems"/>, with each item's index in the list.</summary>
    private IEnumerable<(YamlMappingNode Item, string Name, int Index)> IndexedNamedItems(YamlNode? list, string what, string kind)
    {
        var sequence = _reader.Sequence(list, what);
        if (sequence is null) yield break;
        var index = -1;
        foreach (var item in sequence.Children)
        {
            index++;
            // The description of the item is built only for an item that is not a mapping.
            if ((item as YamlMappingNode ?? _reader.Mapping(item, $"an item of '{what}'")) is not { } map) continue;
            var nameNode = YamlReader.Get(map, "name");
            var name = _reader.String(nameNode, "name");
            if (name is null)
            {
                if (YamlReader.IsNull(nameNode)) _reader.Diagnostics.Add(DiagnosticCodes.Project.MissingEntryName(_reader.Span(item), kind));
                continue;
            }
            yield return (map, name, index);
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
            var raw = (Dictionary<string, object?>)_reader.Value(item)!;
            var converted = Converted(item, raw);
            result.Add(new NodeProperties
            {
                ResourceType = type,
                Name = name,
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                Config = Dictionary(item, "config", converted) ?? Empty.Dictionary,
                Columns = OrEmpty(Columns(item, attachment, converted)),
                Tests = OrEmpty(Tests(item, attachment, null, converted)),
                Constraints = OrEmpty(RawList(item, "constraints", converted)),
                Docs = Dictionary(item, "docs", converted) ?? Empty.Dictionary,
                Meta = Dictionary(item, "meta", converted) ?? Empty.Dictionary,
                Tags = Tags(item),
                Access = _reader.String(YamlReader.Get(item, "access"), "access"),
                Group = _reader.String(YamlReader.Get(item, "group"), "group"),
                Raw = raw,
                Span = _reader.Span(item),
            });
        }
        return result;
    }

    /// <param name="converted">The entry's values already converted (see <see cref="Converted"/>), or null.</param>
    private List<ColumnProperties> Columns(YamlMappingNode entry, TestAttachment attachment, Dictionary<string, object?>? converted = null)
    {
        var result = new List<ColumnProperties>();
        var convertedList = converted?.GetValueOrDefault("columns") as List<object?>;
        foreach (var (item, name, index) in IndexedNamedItems(YamlReader.Get(entry, "columns"), "columns", "column"))
        {
            KeySpellingCheck.CheckEntry(_reader, item, "column", KeySpellingCheck.ColumnKeys);
            var raw = convertedList?[index] as Dictionary<string, object?> ?? (Dictionary<string, object?>)_reader.Value(item)!;
            var own = Converted(item, raw);
            result.Add(new ColumnProperties
            {
                Name = name,
                Description = _reader.String(YamlReader.Get(item, "description"), "description"),
                DataType = _reader.String(YamlReader.Get(item, "data_type"), "data_type"),
                Quote = _reader.Bool(YamlReader.Get(item, "quote"), "quote"),
                Meta = Dictionary(item, "meta", own) ?? Empty.Dictionary,
                Tags = Tags(item),
                Constraints = OrEmpty(RawList(item, "constraints", own)),
                Tests = OrEmpty(Tests(item, attachment, name, own)),
                Raw = raw,
                Span = _reader.Span(item),
            });
        }
        return result;
    }

    /// <summary>
    /// A model's or column's values are converted once, for its Raw dictionary, and its typed reads
    /// (config, meta, columns, tests) take theirs from that conversion instead of converting the same
    /// nodes two or three times. Usable only when every key's text is distinct (the dictionary then
    /// holds exactly the value <see cref="YamlReader.Get"/> finds) and no renderer rewrites values.
    /// </summary>
    private Dictionary<string, object?>? Converted(YamlMappingNode entry, Dictionary<string, object?> raw) =>
        !_reader.Renders && raw.Count == entry.Children.Count ? raw : null;

    private Dictionary<string, object?>? Dictionary(YamlMappingNode entry, string key, Dictionary<string, object?>? converted) =>
        converted is null
            ? _reader.Dictionary(YamlReader.Get(entry, key), key)
            : _reader.Mapping(YamlReader.Get(entry, key), key) is null ? null : (Dictionary<string, object?>)converted[key]!;

    // The project keeps every model's and column's properties: an empty list among them is the shared empty one.
    private static IReadOnlyList<T> OrEmpty<T>(List<T> list) => list.Count == 0 ? [] : list;

    // Typed as the read-only list before the default: `?? []` on the List itself would make a new empty List each time.
    private IReadOnlyList<string> Tags(YamlMappingNode item) =>
        (IReadOnlyList<string>?)_reader.StringList(YamlReader.Get(item, "tags"), "tags", allowSingle: true) ?? [];

    private List<object?> RawList(YamlMappingNode entry, string key, Dictionary<string, object?>? converted = null) =>
        _reader.Sequence(YamlReader.Get(entry, key), key) is not { } list ? []
            : converted is null ? (List<object?>)_reader.Value(list)! : (List<object?>)converted[key]!;

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
