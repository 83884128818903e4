using System.Globalization;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>Python's <c>datetime.date</c>.</summary>
internal sealed class PyDate(DateOnly value) : ITemplateObject, IComparable<PyDate>, IComparable, IEquatable<PyDate>
{
    public DateOnly Value { get; } = value;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "year" => (long)Value.Year,
            "month" => (long)Value.Month,
            "day" => (long)Value.Day,
            "strftime" => new Function("strftime", a => PyStrftime.Format(Value.ToDateTime(TimeOnly.MinValue), null,
                Args.String(a, 0, "format", "strftime", "d.strftime('%Y-%m-%d')"))),
            "isoformat" => new Function("isoformat", _ => ToString()),
            "weekday" => new Function("weekday", _ => (long)(((int)Value.DayOfWeek + 6) % 7)),
            "isoweekday" => new Function("isoweekday", _ => (long)(((int)Value.DayOfWeek + 6) % 7 + 1)),
            "toordinal" => new Function("toordinal", _ => (long)Value.DayNumber + 1),
            "replace" => new Function("replace", a => new PyDate(DateParts.Build(a,
                (int)(Args.OptionalInt(a, 0, "year", "replace", "d.replace(year=2024)") ?? Value.Year),
                (int)(Args.OptionalInt(a, 1, "month", "replace", "d.replace(month=1)") ?? Value.Month),
                (int)(Args.OptionalInt(a, 2, "day", "replace", "d.replace(day=1)") ?? Value.Day)))),
            "__add__" or "__radd__" => new Function(name, a => Operators.Add(this, a.Get(0, "other"), a)),
            "__sub__" => new Function(name, a => Operators.Subtract(this, a.Get(0, "other"), a)),
            _ => Operators.Comparison(this, name),
        };
        return value is not null;
    }

    public int CompareTo(PyDate? other) => other is null ? 1 : Value.CompareTo(other.Value);

    public int CompareTo(object? obj) => obj is PyDate other ? CompareTo(other) : throw new ArgumentException("can only compare like with like");

    public bool Equals(PyDate? other) => other is not null && Value == other.Value;

    public override bool Equals(object? obj) => obj is PyDate other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
