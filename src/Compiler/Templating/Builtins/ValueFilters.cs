using System.Globalization;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Filters on any value: default, conversions, round/abs, tojson, attr, and dbt's as_* filters.</summary>
internal static partial class ValueFilters
{
    public static void Register(Dictionary<string, FilterFunction> filters)
    {
        filters["default"] = Default;
        filters["d"] = Default;
        filters["int"] = Int;
        filters["float"] = Float;
        filters["string"] = (_, v, a) =>
        {
            Args.Check(a, "filter 'string'", 0);
            return ValueFormatter.ToStr(v);
        };
        filters["round"] = Round;
        filters["filesizeformat"] = FileSizeFormat;
        filters["abs"] = Abs;
        filters["tojson"] = ToJson;
        filters["pprint"] = (_, v, a) =>
        {
            Args.Check(a, "filter 'pprint'", 0);
            return ValueFormatter.ToRepr(v);
        };
        filters["attr"] = Attr;
        filters["as_text"] = (_, v, a) => v is null ? "None" : ValueFormatter.ToStr(v);
        filters["as_bool"] = (_, v, a) => LiteralValue(v);
        filters["as_number"] = (_, v, a) => LiteralValue(v);
        filters["as_native"] = (_, v, a) => LiteralValue(v);
    }

    private static object? Default(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'default'", 2, "default_value", "boolean");
        var fallback = arguments.Get(0, "default_value", "");
        var boolean = Args.Bool(arguments, 1, "boolean", false);
        if (value is Undefined || (boolean && !Truthiness.IsTrue(value))) return fallback;
        return value;
    }

    private static object? Int(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'int'", 2, "default", "base");
        var fallback = arguments.Get(0, "default", 0L);
        var numberBase = (int)Args.Int(arguments, 1, "base", 10, "filter 'int'");
        switch (value)
        {
            case long or bool:
                return Operators.ToLong(value);
            case double d:
                return double.IsFinite(d) ? (long)Math.Truncate(d) : fallback;
            case decimal m:
                var whole = decimal.Truncate(m);
                return whole >= long.MinValue && whole <= long.MaxValue ? (long)whole : whole;
            case Int128 or UInt128 or System.Numerics.BigInteger:
                // Already an integer wider than 64 bits: kept as is (Python's int is unbounded).
                return value;
            case string s:
                var text = s.Trim().Replace("_", "", StringComparison.Ordinal);
                if (numberBase == 10 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return parsed;
                if (numberBase != 10)
                {
                    var digits = text;
                    if (digits.Length > 2 && digits[0] == '0' && char.IsLetter(digits[1])) digits = digits[2..];
                    try
                    {
                        return Convert.ToInt64(digits, numberBase);
                    }
                    catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
                    {
                        return fallback;
                    }
                }
                // Jinja falls back to int(float(value)), so "3.7" becomes 3.
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var asDouble) && double.IsFinite(asDouble)
                    ? (long)Math.Truncate(asDouble)
                    : fallback;
            default:
                return fallback;
        }
    }

    private static object? Float(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'float'", 1, "default");
        var fallback = arguments.Get(0, "default", 0.0);
        return value switch
        {
            long or bool or double or decimal => Operators.ToDouble(value),
            string s when TryParseFloat(s.Trim(), out var d) => d,
            _ => fallback,
        };
    }

    private static bool TryParseFloat(string s, out double value)
    {
        switch (s.ToLowerInvariant())
        {
            case "inf" or "+inf" or "infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static object? Round(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'round'", 2, "precision", "method");
        var precision = (int)Args.Int(arguments, 0, "precision", 0, "filter 'round'");
        var method = Args.String(arguments, 1, "method", "common", "filter 'round'");
        if (!Operators.IsNumber(value)) throw RenderErrors.Type(arguments.CallSpan, $"type {PythonTypes.NameOf(value)} doesn't define __round__ method", "round works on numbers; convert with |float first");
        if (method is not ("common" or "ceil" or "floor")) throw RenderErrors.Value(arguments.CallSpan, "method must be common, ceil or floor", "write round(2, 'floor')");
        if (value is decimal m)
        {
            return method switch
            {
                "ceil" => Math.Ceiling(m * Pow10m(precision)) / Pow10m(precision),
                "floor" => Math.Floor(m * Pow10m(precision)) / Pow10m(precision),
                _ => Math.Round(m, Math.Clamp(precision, 0, 28), MidpointRounding.ToEven),
            };
        }
        // Jinja: round() of an int with method common keeps the int; ceil and floor give floats.
        if (value is long or bool && method == "common") return Operators.ToLong(value);
        var d = Operators.ToDouble(value);
        var factor = Math.Pow(10, precision);
        return method switch
        {
            "ceil" => Math.Ceiling(d * factor) / factor,
            "floor" => Math.Floor(d * factor) / factor,
            _ => precision is >= 0 and <= 15 ? RoundLikePython(d, precision) : Math.Round(d * factor, MidpointRounding.ToEven) / factor,
        };
    }

    /// <summary>Jinja's human-readable size: decimal units (kB, MB…) or binary ones (KiB, MiB…).</summary>
    private static object? FileSizeFormat(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'filesizeformat'", 1, "binary");
        var binary = Args.Bool(arguments, 0, "binary", false);
        if (!Operators.IsNumber(value)) throw RenderErrors.Type(arguments.CallSpan, $"filesizeformat needs a number, not {PythonTypes.NameOf(value)}", "pass a number of bytes");
        var bytes = Operators.ToDouble(value);
        var unitBase = binary ? 1024d : 1000d;
        string[] prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        if (bytes == 1) return "1 Byte";
        if (bytes < unitBase) return $"{(long)bytes} Bytes";
        var unit = unitBase;
        var prefix = prefixes[0];
        for (var i = 0; i < prefixes.Length; i++)
        {
            unit = Math.Pow(unitBase, i + 2);
            prefix = prefixes[i];
            if (bytes < unit) break;
        }
        return (unitBase * bytes / unit).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " " + prefix;
    }

    /// <summary>
    /// Python rounds the double's exact binary value (2.675 is 2.67499…, so it rounds to 2.67);
    /// .NET's Math.Round corrects to the shortest decimal first. Rounding the 17-digit expansion
    /// as a decimal matches Python.
    /// </summary>
    private static double RoundLikePython(double d, int precision)
    {
        if (!double.IsFinite(d) || Math.Abs(d) >= 7.9e27) return Math.Round(d, precision, MidpointRounding.ToEven);
        var exact = decimal.Parse(d.ToString("G17", System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        return (double)Math.Round(exact, precision, MidpointRounding.ToEven);
    }

    private static decimal Pow10m(int precision)
    {
        var result = 1m;
        for (var i = 0; i < Math.Clamp(precision, 0, 28); i++) result *= 10;
        return result;
    }

    private static object? Abs(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'abs'", 0);
        return value switch
        {
            long l => l == long.MinValue ? -(double)l : (object)Math.Abs(l),
            bool b => b ? 1L : 0L,
            double d => Math.Abs(d),
            decimal m => Math.Abs(m),
            _ => throw RenderErrors.Type(arguments.CallSpan, $"bad operand type for abs(): '{PythonTypes.NameOf(value)}'"),
        };
    }

    private static object? Attr(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Require(arguments, "filter 'attr'", 1, "name");
        var name = Args.Text(arguments.Get(0, "name"), arguments);
        if (value is ITemplateObject obj) return obj.TryGetAttribute(name, out var attribute) ? attribute : new Undefined(name, arguments.CallSpan, PythonTypes.OwnerOf(value));
        return value is not null && BuiltinMethods.TryBind(value, name, out var method) ? method : new Undefined(name, arguments.CallSpan, PythonTypes.OwnerOf(value));
    }

    // dbt's as_bool/as_number/as_native: turn rendered text back into a Python literal when it is one.
    private static object? LiteralValue(object? value)
    {
        if (value is not string s) return value;
        var text = s.Trim();
        switch (text)
        {
            case "True": return true;
            case "False": return false;
            case "None": return null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return s;
    }
}
