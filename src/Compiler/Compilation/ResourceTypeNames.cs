using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>What templates see as a node's resource_type (<c>model</c>, <c>unittest</c>…), made once rather than per render.</summary>
internal static class ResourceTypeNames
{
    private static readonly string[] Names = Enum.GetValues<ResourceType>().Select(t => t.ToString().ToLowerInvariant()).ToArray();

    public static string Of(ResourceType type) => Names[(int)type];
}
