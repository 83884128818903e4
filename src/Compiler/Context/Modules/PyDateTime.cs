using System.Globalization;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>
/// Python's <c>datetime.datetime</c>: a wall-clock time, naive (no offset) or aware (fixed offset),
/// with microsecond precision as Python has.
/// </summary>
internal sealed partial class PyDateTime : ITemplateObject, IEquatable<PyDateTime>, IComparable
{
    public PyDateTime(DateTime value, TimeSpan? offset)
    {
        // Python keeps microseconds; drop the 100 ns ticks .NET can carry.
        Value = DateTime.SpecifyKind(new DateTime(value.Ticks - value.Ticks % 10), DateTimeKind.Unspecified);
        Offset = offset;
    }

    /// <summary>The wall-clock time (kind Unspecified).</summary>
    public DateTime Value { get; }

    /// <summary>The UTC offset of an aware datetime; null when naive.</summary>
    public TimeSpan? Offset { get; }

    public static PyDateTime From(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? new PyDateTime(value, TimeSpan.Zero) : new PyDateTime(value, null);

    public static PyDateTime From(DateTimeOffset value) => new(value.DateTime, value.Offset);

    public PyDateTime Shift(TimeSpan by) => new(Value + by, Offset);

    /// <summary>a - b; both naive or both aware, as Python requires.</summary>
    public static TimeSpan Difference(PyDateTime a, PyDateTime b, CallArguments call)
    {
        if (a.Offset.HasValue != b.Offset.HasValue)
            throw ContextErrors.DateValue("can't compare or subtract offset-naive and offset-aware datetimes", call.CallSpan);
        return (a.Value - (a.Offset ?? TimeSpan.Zero)) - (b.Value - (b.Offset ?? TimeSpan.Zero));
    }

    /// <summary>For engines that order values through IComparable; naive values count as UTC here.</summary>
    public int CompareTo(object? obj) => obj is PyDateTime other
        ? (Value - (Offset ?? TimeSpan.Zero)).CompareTo(other.Value - (other.Offset ?? TimeSpan.Zero))
        : throw new ArgumentException("can only compare a datetime with a datetime");

    public bool Equals(PyDateTime? other) =>
        other is not null && other.Offset.HasValue == Offset.HasValue &&
        Value - (Offset ?? TimeSpan.Zero) == other.Value - (other.Offset ?? TimeSpan.Zero);

    public override bool Equals(object? obj) => obj is PyDateTime other && Equals(other);

    public override int GetHashCode() => (Value - (Offset ?? TimeSpan.Zero)).GetHashCode();

    public static PyTimeDelta operator -(PyDateTime a, PyDateTime b) =>
        new((a.Value - (a.Offset ?? TimeSpan.Zero)) - (b.Value - (b.Offset ?? TimeSpan.Zero)));

    public static PyDateTime operator +(PyDateTime a, PyTimeDelta b) => a.Shift(b.Value);

    public static PyDateTime operator -(PyDateTime a, PyTimeDelta b) => a.Shift(-b.Value);

    public long Microsecond => Value.Ticks % TimeSpan.TicksPerSecond / 10;

    /// <summary>ISO form with <paramref name="separator"/> between date and time, as Python's isoformat().</summary>
    public string IsoFormat(string separator)
    {
        var text = Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + separator +
                   Value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (Microsecond != 0) text += "." + Microsecond.ToString("000000", CultureInfo.InvariantCulture);
        if (Offset is { } offset) text += PyStrftime.FormatOffset(offset, colon: true);
        return text;
    }

    /// <summary>Python's <c>str(datetime)</c>: <c>2024-01-02 03:04:05[.ffffff][+00:00]</c>.</summary>
    public override string ToString() => IsoFormat(" ");
}
