namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// What one case produced: <see cref="Actual"/> is the text to compare with the verified file;
/// <see cref="Failure"/> is set instead when the case cannot pass whatever the verified file says.
/// </summary>
internal sealed record ConformanceResult(string? Actual, string? Failure)
{
    public static ConformanceResult Output(string text) => new(text, null);

    public static ConformanceResult Failed(string message) => new(null, message);
}
