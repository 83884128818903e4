using System.Globalization;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>Python's <c>datetime.timedelta</c>: days, seconds, microseconds, total_seconds().</summary>
internal sealed class PyTimeDelta(TimeSpan value) : ITemplateObject, IComparable<PyTimeDelta>, IComparable, IEquatable<PyTimeDelta>
{
    public TimeSpan Value { get; } = value;

    // Python normalises so that only days may be negative: -1 second is (-1 days, 86399 seconds).
    public long Days => (long)Math.Floor(Value.Ticks / (double)TimeSpan.TicksPerDay);

    private long RemainderTicks => Value.Ticks - Days * TimeSpan.TicksPerDay;

    public long Seconds => RemainderTicks / TimeSpan.TicksPerSecond;

    public long Microseconds => RemainderTicks % TimeSpan.TicksPerSecond / 10;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "days" => Days,
            "seconds" => Seconds,
            "microseconds" => Microseconds,
            "total_seconds" => new Function("total_seconds", _ => Value.Ticks / (double)TimeSpan.TicksPerSecond),
            "__add__" or "__radd__" => new Function(name, a => Operators.Add(this, a.Get(0, "other"), a)),
            "__sub__" => new Function(name, a => Operators.Subtract(this, a.Get(0, "other"), a)),
            "__mul__" or "__rmul__" => new Function(name, a => Operators.Multiply(this, a.Get(0, "other"), a)),
            "__neg__" => new Function(name, _ => new PyTimeDelta(-Value)),
            _ => Operators.Comparison(this, name),
        };
        return value is not null;
    }

    public int CompareTo(PyTimeDelta? other) => other is null ? 1 : Value.CompareTo(other.Value);

    public int CompareTo(object? obj) => obj is PyTimeDelta other ? CompareTo(other) : throw new ArgumentException("can only compare like with like");

    public bool Equals(PyTimeDelta? other) => other is not null && Value == other.Value;

    public override bool Equals(object? obj) => obj is PyTimeDelta other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public static PyTimeDelta operator +(PyTimeDelta a, PyTimeDelta b) => new(a.Value + b.Value);

    public static PyTimeDelta operator -(PyTimeDelta a, PyTimeDelta b) => new(a.Value - b.Value);

    /// <summary>Python's form: <c>1 day, 2:03:04</c>, <c>-1 day, 23:59:59</c>, <c>0:00:00.500000</c>.</summary>
    public override string ToString()
    {
        var rest = TimeSpan.FromTicks(RemainderTicks);
        var clock = string.Create(CultureInfo.InvariantCulture, $"{(int)rest.TotalHours}:{rest.Minutes:00}:{rest.Seconds:00}");
        if (Microseconds != 0) clock += string.Create(CultureInfo.InvariantCulture, $".{Microseconds:000000}");
        return Days == 0 ? clock : string.Create(CultureInfo.InvariantCulture, $"{Days} day{(Math.Abs(Days) == 1 ? "" : "s")}, {clock}");
    }
}
