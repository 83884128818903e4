namespace ModelForge.Runner.Packages;

/// <summary>The flags of one `forge deps` invocation.</summary>
internal sealed record DepsOptions
{
    public required string ProjectDirectory { get; init; }

    public string? Vars { get; init; }

    public bool Upgrade { get; init; }

    public bool LockOnly { get; init; }

    public string? AddPackage { get; init; }

    public string Source { get; init; } = "hub";
}
