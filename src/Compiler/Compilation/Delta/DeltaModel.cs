using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Compilation.Delta;

/// <summary>
/// What rendering one model at execute time reads of the project, as the last full compile left it:
/// its identity, relation and config, the shape of its static parse or parse render (equal shapes give
/// equal config, refs and sources), and the relation each of its ref() and source() calls resolved to.
/// </summary>
internal sealed class DeltaModel
{
    public required string UniqueId { get; init; }

    public required string Name { get; init; }

    public required string PackageName { get; init; }

    /// <summary>The model's file as the loader names it (project-relative), its <c>model.path</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Where its compiled SQL goes, relative to the project root.</summary>
    public required string CompiledPath { get; init; }

    public required byte[] Shape { get; init; }

    /// <summary>
    /// For a model the static parser did not read (its parse render decides its config, refs and sources): a fresh copy
    /// of the config its parse render started from, each call; null for a model the static parser read.
    /// </summary>
    public required Func<Dictionary<string, object?>>? ParseConfig { get; init; }

    /// <summary>The model's relation; null in a snapshot of a command that does not render (parse, ls: identity and shape only).</summary>
    public required Relation? This { get; init; }

    public required Dictionary<string, object?> Config { get; init; }

    /// <summary>ref(package?, name, version?) as called → the relation it rendered.</summary>
    public required IReadOnlyList<DeltaRef> Refs { get; init; }

    public required IReadOnlyList<DeltaSource> Sources { get; init; }

    /// <summary>What is_incremental() answered its last render (compile); null when the render did not ask.</summary>
    public required bool? Incremental { get; init; }
}

// Classes, not tuples: generic code over a tuple is compiled at run time, and a delta should not wait for it.
/// <summary>A ref() call of a model as made (package, name, version) and the relation it rendered.</summary>
internal sealed record DeltaRef(string? Package, string Name, object? Version, Relation Relation);

/// <summary>A source() call of a model and the relation it rendered.</summary>
internal sealed record DeltaSource(string Source, string Table, Relation Relation);
