namespace ModelForge.Compiler.Project;

/// <summary>Shared empty values for defaults of read-only properties.</summary>
internal static class Empty
{
    public static readonly IReadOnlyDictionary<string, object?> Dictionary = new Dictionary<string, object?>();
}
