using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// One node of the compiled project: a model, seed, snapshot, test or source, with its resolved
/// config, the relation it builds or reads, and its dependencies.
/// </summary>
public sealed class ProjectNode
{
    /// <summary><c>model.bikeshare.stg_rides</c>, <c>source.bikeshare.raw.rides</c>…</summary>
    public required string UniqueId { get; init; }

    public required string Name { get; init; }

    public required ResourceType ResourceType { get; init; }

    public required string PackageName { get; init; }

    /// <summary>The file that defines the node, relative to the project root; the YAML file for sources.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The path relative to the project that defines the node, as dbt writes <c>original_file_path</c>:
    /// <c>models/x.sql</c> for a package model whose <see cref="Path"/> is <c>dbt_packages/pkg/models/x.sql</c>.
    /// Null means the same as <see cref="Path"/>.
    /// </summary>
    public string? OriginalFilePath { get; init; }

    /// <summary>[project, folders…, name] — the path in the config tree and in selectors.</summary>
    public required IReadOnlyList<string> Fqn { get; init; }

    public required NodeConfig Config { get; init; }

    /// <summary>What the node builds (models, seeds, snapshots) or reads (sources).</summary>
    public required Relation Relation { get => _relation; init => _relation = value; }

    private Relation _relation = null!;

    /// <summary>The discovered file, for nodes that have one.</summary>
    public ProjectFileEntry? File { get; init; }

    /// <summary>The parsed template; a model whose parse result the static parse memo gave is parsed here, on first use.</summary>
    public Template? Template { get => _template?.Value; init => _template = value is null ? null : new NodeTemplate(value); }

    private NodeTemplate? _template;

    /// <summary>The template as held, parsed or not: copies of a node take it without parsing.</summary>
    internal NodeTemplate? LazyTemplate { get => _template; init => _template = value; }

    /// <summary>Whether the node has a template, without parsing it.</summary>
    internal bool HasTemplate => _template is not null;

    /// <summary>The template's text, without parsing it.</summary>
    internal SourceText? TemplateSource => _template?.Source;

    /// <summary>The YAML properties (description, columns, tests), when declared.</summary>
    public NodeProperties? Properties { get; init; }

    /// <summary>For source nodes: the table declaration.</summary>
    public SourceTable? SourceTable { get; init; }

    /// <summary>For generic data tests: the YAML declaration, test macro and tested node.</summary>
    public DataTests.TestMetadata? Test { get; init; }

    /// <summary>For unit tests: the YAML entry, the model under test, the inputs and expected rows.</summary>
    internal UnitTests.UnitTestNode? UnitTest { get; init; }

    /// <summary>For a version of a versioned model: its entry under the model's <c>versions:</c>.</summary>
    internal ModelVersion? ModelVersion { get; init; }

    /// <summary>The version number of a versioned model (<c>v</c>); null for other nodes.</summary>
    internal NodeVersion? Version => ModelVersion?.V;

    public IReadOnlyList<RefCall> Refs { get; init; } = [];

    public IReadOnlyList<SourceCall> Sources { get; init; } = [];

    /// <summary>What the static parser read in a model's text (config, refs, sources), when it read it; null after a parse render.</summary>
    internal StaticParser.Calls? StaticCalls { get; init; }

    /// <summary>
    /// A parse render's calls as the static parse memo keeps them, with what the render read (<see cref="StaticParser.Calls.Inputs"/>:
    /// the macros it bound among them), when the render was recorded or replayed; null after the static parser or an unrecorded render.
    /// </summary>
    internal StaticParser.Calls? RenderedCalls { get; init; }

    // Set only by the compiler once the graph is built (WithDependsOn).
    private IReadOnlyList<string> _dependsOn = [];

    /// <summary>Unique ids of the nodes this one reads, in first-use order.</summary>
    public IReadOnlyList<string> DependsOn => _dependsOn;

    public string? Description => Properties?.Description ?? SourceTable?.Description ?? Test?.Description ?? UnitTest?.Definition.Description;

    public string Materialized => Config.Materialized;

    public SourceSpan? DefinitionSpan => SourceTable?.Span ?? Test?.Span ?? UnitTest?.Definition.Span ?? (File is { } f ? new SourceSpan(f.Source, 0, 0) : null);

    /// <summary>
    /// A copy with its edges: the graph is built after every node exists, so the compiler makes
    /// each node once more with its parents instead of setting them on a shared instance.
    /// </summary>
    /// <summary>A copy that reads or builds <paramref name="relation"/> (a source's external location).</summary>
    internal ProjectNode WithRelation(Relation relation)
    {
        var copy = (ProjectNode)MemberwiseClone();
        copy._relation = relation;
        return copy;
    }

    internal ProjectNode WithDependsOn(IReadOnlyList<string> parents)
    {
        var copy = (ProjectNode)MemberwiseClone();
        copy._dependsOn = parents;
        return copy;
    }

    public override string ToString() => UniqueId;
}
