namespace ModelForge.Runner;

internal static class ForgeVersion
{
    public static string Current { get; } =
        typeof(ForgeVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
