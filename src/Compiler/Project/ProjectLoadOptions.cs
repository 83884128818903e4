namespace ModelForge.Compiler.Project;

/// <summary>What <see cref="ProjectLoader.Load"/> needs: the folder and the CLI's overrides.</summary>
public sealed class ProjectLoadOptions
{
    /// <summary>The project folder (absolute, or relative to the current directory).</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>--profiles-dir: looked in first for profiles.yml.</summary>
    public string? ProfilesDirectory { get; init; }

    /// <summary>--target: overrides the profile's <c>target:</c>.</summary>
    public string? TargetName { get; init; }

    /// <summary>--profile: overrides the project file's <c>profile:</c>.</summary>
    public string? ProfileName { get; init; }

    /// <summary>--target-path (relative to the project): overrides the project file's <c>target-path</c>.</summary>
    public string? TargetPath { get; init; }

    /// <summary>--vars, already parsed (see <see cref="CliVarsParser"/>); they override project vars.</summary>
    public IReadOnlyDictionary<string, object?> CliVars { get; init; } = new Dictionary<string, object?>();

    /// <summary>Reads an environment variable; tests inject a dictionary.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The user's home folder, holding <c>.forge/profiles.yml</c>; null means the current user's.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>The folder forge was started in: dbt looks there for profiles.yml; null skips it.</summary>
    internal string? WorkingDirectory { get; init; }

    /// <summary>Renders templated values in profiles.yml and the project file; null takes them literally.</summary>
    public IYamlValueRenderer? Renderer { get; init; }

    /// <summary>
    /// Called once the target profile is read, before the project's files are: a command that will
    /// connect can start opening the database while the rest loads and compiles.
    /// </summary>
    internal Action<TargetProfile>? TargetResolved { get; init; }
}
