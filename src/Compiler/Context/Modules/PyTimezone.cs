using System.Globalization;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>A fixed-offset <c>tzinfo</c> (<c>datetime.timezone.utc</c>, <c>pytz.utc</c>).</summary>
internal sealed class PyTimezone(TimeSpan offset, string? name = null) : ITemplateObject
{
    public static readonly PyTimezone Utc = new(TimeSpan.Zero, "UTC");

    public TimeSpan Offset { get; } = offset;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name == "zone" ? ToString() : null;
        return value is not null;
    }

    public override string ToString() => name ?? "UTC" + PyStrftime.FormatOffset(Offset, colon: true);

    public override bool Equals(object? obj) => obj is PyTimezone other && other.Offset == Offset;

    public override int GetHashCode() => Offset.GetHashCode();

    internal static string Describe(TimeSpan offset) => string.Create(CultureInfo.InvariantCulture, $"UTC{PyStrftime.FormatOffset(offset, colon: true)}");
}
