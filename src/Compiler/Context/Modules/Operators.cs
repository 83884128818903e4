using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>
/// Date arithmetic and comparison for the datetime objects, reachable as Python's operator
/// methods (<c>__add__</c>, <c>__sub__</c>, <c>__lt__</c>…) so that the engine can map
/// <c>a - b</c> onto <c>a.__sub__(b)</c> as Python does.
/// </summary>
internal static class Operators
{
    public static object? Add(object left, object? right, CallArguments call) => (left, right) switch
    {
        (PyDateTime dt, PyTimeDelta td) => dt.Shift(td.Value),
        (PyDate d, PyTimeDelta td) => new PyDate(DateOnly.FromDateTime(d.Value.ToDateTime(TimeOnly.MinValue).AddDays(td.Days))),
        (PyTimeDelta a, PyTimeDelta b) => a + b,
        (PyTimeDelta td, PyDateTime dt) => dt.Shift(td.Value),
        (PyTimeDelta td, PyDate d) => new PyDate(DateOnly.FromDateTime(d.Value.ToDateTime(TimeOnly.MinValue).AddDays(td.Days))),
        _ => throw Unsupported("+", left, right, call),
    };

    public static object? Subtract(object left, object? right, CallArguments call) => (left, right) switch
    {
        (PyDateTime dt, PyTimeDelta td) => dt.Shift(-td.Value),
        (PyDateTime a, PyDateTime b) => new PyTimeDelta(PyDateTime.Difference(a, b, call)),
        (PyDate d, PyTimeDelta td) => new PyDate(DateOnly.FromDateTime(d.Value.ToDateTime(TimeOnly.MinValue).AddDays(-td.Days))),
        (PyDate a, PyDate b) => new PyTimeDelta(TimeSpan.FromDays(a.Value.DayNumber - b.Value.DayNumber)),
        (PyTimeDelta a, PyTimeDelta b) => a - b,
        _ => throw Unsupported("-", left, right, call),
    };

    public static object? Multiply(PyTimeDelta left, object? right, CallArguments call) => right switch
    {
        long n => new PyTimeDelta(TimeSpan.FromTicks(left.Value.Ticks * n)),
        double d => new PyTimeDelta(TimeSpan.FromTicks((long)Math.Round(left.Value.Ticks * d))),
        _ => throw Unsupported("*", left, right, call),
    };

    /// <summary>The comparison method <paramref name="name"/> of a value, or null for other names.</summary>
    public static Function? Comparison(object self, string name)
    {
        Func<int, bool>? test = name switch
        {
            "__lt__" => c => c < 0,
            "__le__" => c => c <= 0,
            "__gt__" => c => c > 0,
            "__ge__" => c => c >= 0,
            _ => null,
        };
        if (test is not null) return new Function(name, a => test(Compare(self, a.Get(0, "other"), a)));
        return name switch
        {
            "__eq__" => new Function(name, a => self.Equals(a.Get(0, "other"))),
            "__ne__" => new Function(name, a => !self.Equals(a.Get(0, "other"))),
            _ => null,
        };
    }

    public static int Compare(object left, object? right, CallArguments call) => (left, right) switch
    {
        (PyDateTime a, PyDateTime b) => PyDateTime.Difference(a, b, call).Ticks switch { < 0 => -1, 0 => 0, _ => 1 },
        (PyDate a, PyDate b) => a.CompareTo(b),
        (PyTimeDelta a, PyTimeDelta b) => a.CompareTo(b),
        _ => throw Unsupported("<", left, right, call),
    };

    private static DiagnosticException Unsupported(string op, object left, object? right, CallArguments call) =>
        ContextErrors.DateValue($"unsupported operand types for {op}: {TemplateValues.Describe(left)} and {TemplateValues.Describe(right)}", call.CallSpan);
}
