using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Runtime;

/// <summary>
/// Reads Python-style arguments of a context function and reports a wrong or missing one at the
/// call with the function's usage as hint.
/// </summary>
internal static class Args
{
    public static bool Has(CallArguments args, int index, string name)
    {
        args.Get(index, name, out var found);
        return found;
    }

    public static object? Value(CallArguments args, int index, string name, string function, string usage)
    {
        var value = args.Get(index, name, out var found);
        if (!found) throw Missing(args, function, name, usage);
        return value;
    }

    public static string String(CallArguments args, int index, string name, string function, string usage)
    {
        var value = Value(args, index, name, function, usage);
        return value as string ?? throw WrongType(args, function, name, "a string", value, usage);
    }

    /// <summary>A string, or null when the argument is absent or none.</summary>
    public static string? OptionalString(CallArguments args, int index, string name, string function, string usage)
    {
        var value = args.Get(index, name, out var found);
        if (!found || value is null || value is Undefined) return null;
        return value as string ?? throw WrongType(args, function, name, "a string", value, usage);
    }

    public static bool Bool(CallArguments args, int index, string name, bool defaultValue)
    {
        var value = args.Get(index, name, out var found);
        return found ? TemplateValues.IsTruthy(value) : defaultValue;
    }

    public static long? OptionalInt(CallArguments args, int index, string name, string function, string usage)
    {
        var value = args.Get(index, name, out var found);
        if (!found || value is null || value is Undefined) return null;
        return value switch
        {
            long l => l,
            int i => i,
            double d when d == Math.Floor(d) => (long)d,
            decimal m when m == decimal.Floor(m) => (long)m,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
            _ => throw WrongType(args, function, name, "an integer", value, usage),
        };
    }

    /// <summary>A model version (<c>v=2</c>, <c>v=1.5</c>, <c>v='beta'</c>), or null when absent or none.</summary>
    public static Compilation.NodeVersion? OptionalVersion(CallArguments args, string name, string function, string usage)
    {
        var value = args.Get(-1, name, out var found);
        if (!found || value is null || value is Undefined) return null;
        return Compilation.NodeVersion.From(value) ?? throw WrongType(args, function, name, "a version (a number or a string)", value, usage);
    }

    public static double? OptionalNumber(CallArguments args, int index, string name, string function, string usage)
    {
        var value = args.Get(index, name, out var found);
        if (!found || value is null || value is Undefined) return null;
        return TemplateValues.AsDouble(value) ?? throw WrongType(args, function, name, "a number", value, usage);
    }

    public static DiagnosticException Missing(CallArguments args, string function, string name, string usage) =>
        new(Diagnostic.Error(
            DiagnosticCodes.ContextArgumentInvalid,
            string.Format(CultureInfo.InvariantCulture, DiagnosticCodes.ContextArgumentMissingMessage, function, name),
            args.CallSpan,
            string.Format(CultureInfo.InvariantCulture, DiagnosticCodes.ContextArgumentHint, usage)));

    public static DiagnosticException WrongType(CallArguments args, string function, string name, string expected, object? got, string usage) =>
        new(Diagnostic.Error(
            DiagnosticCodes.ContextArgumentInvalid,
            string.Format(CultureInfo.InvariantCulture, DiagnosticCodes.ContextArgumentTypeMessage, function, name, expected, TemplateValues.Describe(got)),
            args.CallSpan,
            string.Format(CultureInfo.InvariantCulture, DiagnosticCodes.ContextArgumentHint, usage)));
}
