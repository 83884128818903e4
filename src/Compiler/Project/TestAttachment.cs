namespace ModelForge.Compiler.Project;

/// <summary>What a generic test is declared on.</summary>
/// <param name="ResourceType">Model, Seed, Snapshot or Source.</param>
/// <param name="Name">The node's name, or the source table's name.</param>
/// <param name="SourceName">The source's name when <paramref name="ResourceType"/> is Source.</param>
public sealed record TestAttachment(ResourceType ResourceType, string Name, string? SourceName = null)
{
    public override string ToString() => SourceName is null ? $"{ResourceType.ToString().ToLowerInvariant()} '{Name}'" : $"source '{SourceName}.{Name}'";
}
