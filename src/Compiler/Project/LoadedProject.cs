namespace ModelForge.Compiler.Project;

/// <summary>A project ready for rendering: its file, target, vars, files and schema YAML.</summary>
public sealed record LoadedProject
{
    /// <summary>The absolute project folder.</summary>
    public required string Root { get; init; }

    public required ProjectFile ProjectFile { get; init; }

    public required TargetProfile Target { get; init; }

    /// <summary>The absolute path of the profiles.yml used; null for the embedded default target.</summary>
    public string? ProfilesPath { get; init; }

    /// <summary>The <c>config:</c> block of profiles.yml, raw.</summary>
    public IReadOnlyDictionary<string, object?> UserConfig { get; init; } = Empty.Dictionary;

    /// <summary>Project vars overlaid by --vars.</summary>
    public required IReadOnlyDictionary<string, object?> Vars { get; init; }

    public required DiscoveredFiles Files { get; init; }

    public IReadOnlyList<ProjectFileEntry> Models => Files.Models;

    public IReadOnlyList<ProjectFileEntry> Seeds => Files.Seeds;

    public IReadOnlyList<ProjectFileEntry> Snapshots => Files.Snapshots;

    public IReadOnlyList<ProjectFileEntry> SingularTests => Files.SingularTests;

    public IReadOnlyList<ProjectFileEntry> Macros => Files.Macros;

    public IReadOnlyList<ProjectFileEntry> Analyses => Files.Analyses;

    public required ProjectSchema Schema { get; init; }

    public IReadOnlyList<SourceDefinition> Sources => Schema.Sources;

    /// <summary>Resolves effective configs against this project's config trees and schema YAML.</summary>
    public required ConfigResolver Configs { get; init; }
}
