using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// A version as dbt's semver.py reads it: major.minor.patch (all three required, no leading zeros),
/// then an optional prerelease (the '-' before it may be left out: 1.0.0b1) and build metadata.
/// Ordering is SemVer 2.0 precedence; build metadata is ignored.
/// </summary>
internal sealed partial class SemVersion : IComparable<SemVersion>
{
    private SemVersion(long major, long minor, long patch, string? prerelease, string? build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
    }

    public long Major { get; }

    public long Minor { get; }

    public long Patch { get; }

    public string? Prerelease { get; }

    public string? Build { get; }

    public bool IsPrerelease => Prerelease is not null;

    public static SemVersion? Parse(string text)
    {
        var match = VersionPattern().Match(text.Trim());
        if (!match.Success) return null;
        return new SemVersion(
            long.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture),
            match.Groups["pre"].Success ? match.Groups["pre"].Value : null,
            match.Groups["build"].Success ? match.Groups["build"].Value : null);
    }

    public int CompareTo(SemVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0) return c;
        if (Prerelease is null) return other.Prerelease is null ? 0 : 1;
        if (other.Prerelease is null) return -1;
        return ComparePrerelease(Prerelease, other.Prerelease);
    }

    // SemVer 2.0 §11: identifiers left to right; numbers numerically and below words; a shorter list loses a tie.
    private static int ComparePrerelease(string a, string b)
    {
        var left = a.Split('.');
        var right = b.Split('.');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumber = long.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out var l);
            var rightNumber = long.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out var r);
            var c = (leftNumber, rightNumber) switch
            {
                (true, true) => l.CompareTo(r),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (c != 0) return Math.Sign(c);
        }
        return left.Length.CompareTo(right.Length);
    }

    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}{(Prerelease is null ? "" : "-" + Prerelease)}{(Build is null ? "" : "+" + Build)}";

    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-?(?<pre>(?:0|[1-9]\d*|[0-9A-Za-z-]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|[0-9A-Za-z-]*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+(?<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$")]
    private static partial Regex VersionPattern();
}
