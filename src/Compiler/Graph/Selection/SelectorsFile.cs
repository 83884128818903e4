using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Graph.Selection;

/// <summary>
/// The project's selectors.yml: named selector definitions for <c>--selector NAME</c> and the
/// <c>selector:</c> method. Definitions take dbt's forms: a selector string, a
/// <c>{method, value, parents, children, parents_depth, children_depth, childrens_parents}</c>
/// mapping, the shorthand <c>{tag: x}</c>, <c>{union: [...]}</c> and <c>{intersection: [...]}</c>
/// whose items may be <c>{exclude: [...]}</c>.
/// </summary>
public sealed partial class SelectorsFile
{
    private readonly Dictionary<string, SelectorDefinition> _definitions;

    private SelectorsFile(Dictionary<string, SelectorDefinition> definitions) => _definitions = definitions;

    public IReadOnlyCollection<string> Names => _definitions.Keys;

    /// <summary>The selector marked <c>default: true</c>, used when a command gets no --select.</summary>
    public SelectorDefinition? Default => _definitions.Values.FirstOrDefault(d => d.IsDefault);

    public SelectorDefinition? Find(string name) => _definitions.GetValueOrDefault(name);

    /// <summary>Reads selectors.yml in <paramref name="projectRoot"/>; an empty file set when there is none; null after errors.</summary>
    public static SelectorsFile? Load(string projectRoot, DiagnosticBag diagnostics)
    {
        var path = System.IO.Path.Combine(projectRoot, "selectors.yml");
        if (!File.Exists(path)) return new SelectorsFile(new Dictionary<string, SelectorDefinition>(StringComparer.Ordinal));
        // Strict UTF-8, regular files only, like every other project file.
        return Project.SourceFileReader.Read(path, "selectors.yml", diagnostics) is { } source ? Parse(source, diagnostics) : null;
    }

    public static SelectorsFile? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var errors = ErrorCount(diagnostics);
        var definitions = new Dictionary<string, SelectorDefinition>(StringComparer.Ordinal);
        if (!YamlDocumentLoader.TryLoad(source, diagnostics, out var root)) return null;
        if (root is null) return new SelectorsFile(definitions);
        var reader = new Reader(source, diagnostics);
        if (root is not YamlMappingNode map || Child(map, "selectors") is not YamlSequenceNode list)
        {
            diagnostics.Add(DiagnosticCodes.Selection.BadSelectorDefinition(reader.SpanOf(root), "selectors.yml needs a top-level 'selectors:' list"));
            return null;
        }
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry || Child(entry, "name") is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                diagnostics.Add(DiagnosticCodes.Selection.BadSelectorDefinition(reader.SpanOf(item), "each selector needs a name"));
                continue;
            }
            if (Child(entry, "definition") is not { } body)
            {
                diagnostics.Add(DiagnosticCodes.Selection.BadSelectorDefinition(reader.SpanOf(item), $"selector '{name}' has no definition"));
                continue;
            }
            if (reader.Expression(body) is not { } expression) continue;
            var description = (Child(entry, "description") as YamlScalarNode)?.Value;
            var isDefault = Child(entry, "default") is YamlScalarNode { Value: "true" or "True" };
            definitions[name] = new SelectorDefinition(name, description, expression, isDefault, reader.SpanOf(item));
        }
        return ErrorCount(diagnostics) > errors ? null : new SelectorsFile(definitions);
    }

    private static int ErrorCount(DiagnosticBag diagnostics) => diagnostics.ToList().Count(d => d.IsError);

    internal static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key) return v;
        }
        return null;
    }
}
