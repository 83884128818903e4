namespace ModelForge.Compiler.Packages;

/// <summary>
/// The versions between two optional bounds. One specifier of packages.yml (">=1.0.0", "<2.0.0",
/// "=1.2.3" or a bare "1.2.3") is a range; several requirements of one package intersect (dbt's
/// semver.reduce_versions).
/// </summary>
internal sealed record VersionRange(SemVersion? Lower, bool LowerInclusive, SemVersion? Upper, bool UpperInclusive)
{
    public static readonly VersionRange Any = new(null, false, null, false);

    /// <summary>Null when <paramref name="text"/> is not a specifier dbt accepts.</summary>
    public static VersionRange? Parse(string text)
    {
        var t = text.Trim();
        var matcher = t.StartsWith(">=", StringComparison.Ordinal) || t.StartsWith("<=", StringComparison.Ordinal) ? t[..2]
            : t.Length > 0 && t[0] is '>' or '<' or '=' ? t[..1] : "";
        if (SemVersion.Parse(t[matcher.Length..]) is not { } version) return null;
        return matcher switch
        {
            ">=" => new VersionRange(version, true, null, false),
            ">" => new VersionRange(version, false, null, false),
            "<=" => new VersionRange(null, false, version, true),
            "<" => new VersionRange(null, false, version, false),
            _ => new VersionRange(version, true, version, true),
        };
    }

    public bool IsEmpty
    {
        get
        {
            if (Lower is null || Upper is null) return false;
            var c = Lower.CompareTo(Upper);
            return c > 0 || (c == 0 && !(LowerInclusive && UpperInclusive));
        }
    }

    public bool Contains(SemVersion version)
    {
        if (Lower is not null)
        {
            var c = version.CompareTo(Lower);
            if (c < 0 || (c == 0 && !LowerInclusive)) return false;
        }
        if (Upper is not null)
        {
            var c = version.CompareTo(Upper);
            if (c > 0 || (c == 0 && !UpperInclusive)) return false;
        }
        return true;
    }

    public VersionRange Intersect(VersionRange other)
    {
        var (lower, lowerInclusive) = (Lower, LowerInclusive);
        if (other.Lower is not null)
        {
            var c = lower is null ? -1 : lower.CompareTo(other.Lower);
            if (c < 0 || (c == 0 && !other.LowerInclusive)) (lower, lowerInclusive) = (other.Lower, other.LowerInclusive);
        }
        var (upper, upperInclusive) = (Upper, UpperInclusive);
        if (other.Upper is not null)
        {
            var c = upper is null ? 1 : upper.CompareTo(other.Upper);
            if (c > 0 || (c == 0 && !other.UpperInclusive)) (upper, upperInclusive) = (other.Upper, other.UpperInclusive);
        }
        return new VersionRange(lower, lowerInclusive, upper, upperInclusive);
    }

    public override string ToString()
    {
        if (Lower is not null && Upper is not null && Lower.CompareTo(Upper) == 0 && LowerInclusive && UpperInclusive) return "=" + Lower;
        var parts = new List<string>();
        if (Lower is not null) parts.Add((LowerInclusive ? ">=" : ">") + Lower);
        if (Upper is not null) parts.Add((UpperInclusive ? "<=" : "<") + Upper);
        return parts.Count == 0 ? "any version" : string.Join(", ", parts);
    }
}
