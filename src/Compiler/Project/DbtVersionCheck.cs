using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// <c>require-dbt-version</c> against the dbt version forge follows. A mismatch is a warning,
/// not dbt's error: forge is not dbt, and most packages work across minor versions.
/// </summary>
internal static class DbtVersionCheck
{
    /// <summary>The dbt minor version whose behaviour forge reproduces; every 1.10.x patch satisfies a range.</summary>
    public const int CompatibleMajor = 1;

    public const int CompatibleMinor = 10;

    public static string CompatibleText => $"{CompatibleMajor}.{CompatibleMinor}.x";

    public static void Check(ProjectFile project, DiagnosticBag diagnostics)
    {
        if (project.RequireDbtVersion.Count == 0) return;
        var span = RangeSpan(project);
        var comparisons = new List<(string Op, Version Version)>();
        foreach (var range in project.RequireDbtVersion)
        {
            foreach (var part in range.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Parse(part) is { } comparison) comparisons.Add(comparison);
                else
                {
                    diagnostics.Add(DiagnosticCodes.PackageLoading.InvalidVersionRange(span, part));
                    return;
                }
            }
        }
        // Satisfied when some 1.10.x release meets every comparison.
        for (var patch = 0; patch < 100; patch++)
        {
            var candidate = new Version(CompatibleMajor, CompatibleMinor, patch);
            if (comparisons.All(c => Satisfies(candidate, c.Op, c.Version))) return;
        }
        diagnostics.Add(DiagnosticCodes.PackageLoading.RequireDbtVersion(span, project.Name,
            string.Join(", ", project.RequireDbtVersion), CompatibleText));
    }

    private static (string, Version)? Parse(string part)
    {
        var op = new[] { ">=", "<=", "==", ">", "<", "=" }.FirstOrDefault(part.StartsWith) ?? "=";
        var text = part[(part.StartsWith(op, StringComparison.Ordinal) ? op.Length : 0)..].Trim().TrimStart('v');
        // Pre-release and build suffixes (1.0.0b1, 1.0.0-rc1) compare as their release.
        var numeric = new string(text.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).TrimEnd('.');
        var pieces = numeric.Split('.');
        if (pieces.Length is < 1 or > 3 || pieces.Any(p => !int.TryParse(p, out _))) return null;
        var numbers = pieces.Select(int.Parse).Concat([0, 0]).Take(3).ToArray();
        return (op, new Version(numbers[0], numbers[1], numbers[2]));
    }

    private static bool Satisfies(Version candidate, string op, Version bound) => op switch
    {
        ">=" => candidate >= bound,
        "<=" => candidate <= bound,
        ">" => candidate > bound,
        "<" => candidate < bound,
        _ => candidate == bound,
    };

    private static SourceSpan RangeSpan(ProjectFile project)
    {
        var lines = project.Source.Text.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith("require-dbt-version", StringComparison.Ordinal));
        return SourceSpan.At(project.Source, line < 0 ? 1 : line + 1, 1);
    }
}
