using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>What templates see as a node's resource_type (<c>model</c>, <c>unittest</c>…), made once rather than per render.</summary>
internal static class ResourceTypeNames
{
    public static string Of(ResourceType type) => type switch
    {
        ResourceType.Model => "model",
        ResourceType.Seed => "seed",
        ResourceType.Snapshot => "snapshot",
        ResourceType.Test => "test",
        ResourceType.Macro => "macro",
        ResourceType.Analysis => "analysis",
        ResourceType.Source => "source",
        ResourceType.Yaml => "yaml",
        ResourceType.Docs => "docs",
        ResourceType.UnitTest => "unittest",
        _ => type.ToString().ToLowerInvariant(),
    };
}
