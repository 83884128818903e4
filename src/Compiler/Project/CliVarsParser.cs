using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

/// <summary>Parses the --vars argument: a YAML or JSON mapping, e.g. <c>{start_date: 2024-01-01, days: 3}</c>.</summary>
public static class CliVarsParser
{
    /// <summary>The path shown in diagnostics; the column counts from the argument's first character.</summary>
    public const string ArgumentPath = "--vars";

    /// <summary>The vars, or null when the text is not a mapping (the error, with its column, is in <paramref name="diagnostics"/>).</summary>
    public static IReadOnlyDictionary<string, object?>? Parse(string yamlOrJson, DiagnosticBag diagnostics)
    {
        var source = new SourceText(ArgumentPath, yamlOrJson);
        if (string.IsNullOrWhiteSpace(yamlOrJson)) return new Dictionary<string, object?>();
        // The shared loader bounds depth and aliases and turns every YamlDotNet failure into a position.
        if (!YamlDocumentLoader.TryLoad(source, diagnostics, DiagnosticCodes.Project.InvalidCliVars, out var root)) return null;
        if (root is null || YamlReader.IsNull(root)) return new Dictionary<string, object?>();
        if (root is not YamlMappingNode map)
        {
            diagnostics.Add(DiagnosticCodes.Project.InvalidCliVars(YamlValues.SpanOf(source, root), $"expected a mapping of names to values, not {YamlValues.Describe(root)}"));
            return null;
        }
        return (Dictionary<string, object?>)YamlValues.ToValue(map)!;
    }
}
