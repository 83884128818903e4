using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>One schema YAML file as parsed (<c>version: 2</c> optional).</summary>
public sealed record SchemaFile
{
    public required SourceText Source { get; init; }

    public IReadOnlyList<NodeProperties> Models { get; init; } = [];

    public IReadOnlyList<NodeProperties> Seeds { get; init; } = [];

    public IReadOnlyList<NodeProperties> Snapshots { get; init; } = [];

    public IReadOnlyList<NodeProperties> Analyses { get; init; } = [];

    public IReadOnlyList<SourceDefinition> Sources { get; init; } = [];

    public IReadOnlyList<MacroProperties> Macros { get; init; } = [];

    /// <summary>dbt 1.8's <c>unit_tests:</c> entries.</summary>
    internal IReadOnlyList<UnitTests.UnitTestDefinition> UnitTests { get; init; } = [];

    /// <summary><c>semantic_models:</c> entries, in the manifest's shape.</summary>
    internal IReadOnlyList<SemanticLayer.SemanticModelDefinition> SemanticModels { get; init; } = [];

    /// <summary><c>metrics:</c> entries, then the metrics measures' <c>create_metric: true</c> make.</summary>
    internal IReadOnlyList<SemanticLayer.MetricDefinition> Metrics { get; init; } = [];

    internal IReadOnlyList<SemanticLayer.SavedQueryDefinition> SavedQueries { get; init; } = [];

    internal IReadOnlyList<GroupDefinition> Groups { get; init; } = [];

    /// <summary>
    /// Parses a schema file; problems go to <paramref name="diagnostics"/> and the entries that could
    /// be read are still returned. Exposures are skipped without error.
    /// </summary>
    public static SchemaFile Parse(SourceText source, DiagnosticBag diagnostics) => SchemaFileParser.Parse(source, diagnostics, null);

    /// <summary>As <see cref="Parse(SourceText, DiagnosticBag)"/>, rendering sources' templated values with <paramref name="renderer"/>.</summary>
    internal static SchemaFile Parse(SourceText source, DiagnosticBag diagnostics, IYamlValueRenderer? renderer) =>
        SchemaFileParser.Parse(source, diagnostics, renderer);
}
