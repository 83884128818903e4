namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// dbt's <c>overrides:</c>: what the model's render sees instead of the project's: macros by name
/// (<c>is_incremental: true</c> makes <c>is_incremental()</c> return true), vars and env vars.
/// </summary>
internal sealed record UnitTestOverrides
{
    public IReadOnlyDictionary<string, object?> Macros { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyDictionary<string, object?> Vars { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyDictionary<string, object?> EnvVars { get; init; } = new Dictionary<string, object?>();
}
