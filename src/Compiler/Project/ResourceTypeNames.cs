namespace ModelForge.Compiler.Project;

/// <summary>Resource types as dbt's artifacts and selectors spell them (<c>unit_test</c>, not <c>unittest</c>).</summary>
internal static class ResourceTypeNames
{
    public static string ArtifactName(this ResourceType type) => type == ResourceType.UnitTest ? "unit_test" : type.ToString().ToLowerInvariant();
}
