using System.Globalization;

namespace ModelForge.Compiler.Templating;

/// <summary>
/// Bounds on one render, so that a runaway template ends with an error instead of a crash or a
/// hang. Read once per process from the environment (FORGE_TEMPLATE_MAX_STEPS,
/// FORGE_TEMPLATE_MAX_OUTPUT_MB); the defaults are far above what real projects use.
/// </summary>
internal static class TemplateLimits
{
    public const string StepsVariable = "FORGE_TEMPLATE_MAX_STEPS";
    public const string OutputVariable = "FORGE_TEMPLATE_MAX_OUTPUT_MB";

    public const long DefaultMaxSteps = 200_000_000;
    public const int DefaultMaxOutputMegabytes = 256;

    /// <summary>Parentheses, brackets, calls, <c>not</c>, unary signs and blocks open at once.</summary>
    public const int MaxNesting = 200;

    /// <summary>Operators, filters, tests and attribute/call steps in one expression (bounds the evaluator's recursion).</summary>
    public const int MaxExpressionSize = 1000;

    /// <summary>Loop iterations plus calls per render.</summary>
    public static long MaxSteps { get; } = Read(StepsVariable, DefaultMaxSteps, 1, long.MaxValue);

    /// <summary>Characters of output per render, and of any one string a template builds.</summary>
    public static int MaxOutputChars { get; } = (int)Math.Min(
        Read(OutputVariable, DefaultMaxOutputMegabytes, 1, 1024) * 1024 * 1024, int.MaxValue / 2);

    public static string StepsHint(long budget) =>
        $"a loop or recursion probably never ends; if the work is real, raise the budget with the environment variable {StepsVariable} (now {budget:N0})";

    public static string OutputHint =>
        $"check for a value that grows without end; if the output is real, raise the budget with the environment variable {OutputVariable} (now {MaxOutputChars / (1024 * 1024)} MB)";

    private static long Read(string variable, long fallback, long min, long max)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Math.Clamp(value, min, max)
            : fallback;
    }
}
