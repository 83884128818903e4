using System.Globalization;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// A model version as dbt allows it: a whole number, a decimal (<c>1.5</c>) or a string
/// (<c>beta</c>). Two versions are the same when they print the same (dbt keys its lookups by
/// <c>v&lt;version&gt;</c>); they order as numbers when both are numbers, else as text.
/// </summary>
public readonly struct NodeVersion : IEquatable<NodeVersion>, IComparable<NodeVersion>
{
    private readonly double? _number;

    private NodeVersion(string text, object value, double? number)
    {
        Text = text;
        Value = value;
        _number = number;
    }

    /// <summary>The version as dbt prints it in unique ids and fqns (<c>2</c>, <c>1.5</c>, <c>beta</c>).</summary>
    public string Text { get; }

    /// <summary>The YAML value: a long, a double or a string (what templates and the manifest see).</summary>
    public object Value { get; }

    /// <summary>The suffix of the default relation name, <c>&lt;model&gt;_v&lt;suffix&gt;</c>: dots become underscores, as in dbt.</summary>
    public string AliasSuffix => Text.Replace('.', '_');

    /// <summary>A version from a YAML or template value; null for none, a bool, an empty string or anything else.</summary>
    public static NodeVersion? From(object? value) => value switch
    {
        int i => Whole(i),
        long l => Whole(l),
        double d when double.IsFinite(d) => d == Math.Floor(d) && Math.Abs(d) < 1e15 ? Whole((long)d) : new NodeVersion(d.ToString("R", CultureInfo.InvariantCulture), d, d),
        decimal m => From((double)m),
        string s when s.Trim() is { Length: > 0 } text => Parse(text),
        _ => null,
    };

    /// <summary>A version written as text (a selector, a fixture's <c>v=</c>): numbers keep their ordering.</summary>
    public static NodeVersion Parse(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) && whole.ToString(CultureInfo.InvariantCulture) == text
            ? Whole(whole)
            : new NodeVersion(text, text, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null);

    private static NodeVersion Whole(long value) => new(value.ToString(CultureInfo.InvariantCulture), value, value);

    public int CompareTo(NodeVersion other) =>
        _number is { } a && other._number is { } b && a != b ? a.CompareTo(b) : string.CompareOrdinal(Text, other.Text);

    public bool Equals(NodeVersion other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is NodeVersion other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text ?? "");

    public override string ToString() => Text ?? "";

    public static bool operator ==(NodeVersion left, NodeVersion right) => left.Equals(right);

    public static bool operator !=(NodeVersion left, NodeVersion right) => !left.Equals(right);

    public static bool operator <(NodeVersion left, NodeVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(NodeVersion left, NodeVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(NodeVersion left, NodeVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(NodeVersion left, NodeVersion right) => left.CompareTo(right) >= 0;
}
