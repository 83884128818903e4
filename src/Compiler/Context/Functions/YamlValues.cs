using System.Collections;
using System.Globalization;
using ModelForge.Compiler.Templating.Runtime;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>toyaml/fromyaml, resolving plain scalars as PyYAML's safe_load does (YAML 1.1 booleans).</summary>
internal static class YamlValues
{
    public static bool TryParse(string text, out object? value)
    {
        // The project loader's reader: bounded depth and aliases, and no YamlDotNet exception escapes.
        if (!Project.YamlDocumentLoader.TryLoadQuietly(text, out var root))
        {
            // dbt's fromyaml returns the default on malformed input.
            value = null;
            return false;
        }
        value = root is null ? null : Convert(root);
        return true;
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (d, p) =>
        {
            d[TemplateValues.Str(Convert(p.Key))] = Convert(p.Value);
            return d;
        }),
        YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Resolve(scalar.Value ?? ""),
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    /// <summary>The value of a plain scalar: null, bool, int, float or the text itself.</summary>
    public static object? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON": return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF": return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (plain.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(plain[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex)) return hex;
        if (long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (char.IsAsciiDigit(plain.TrimStart('-', '+', '.').FirstOrDefault()) &&
            double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return text;
    }

    public static string Serialize(object? value, bool sortKeys)
    {
        var writer = new StringWriter();
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, value, sortKeys);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, object? value, bool sortKeys)
    {
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> dict:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (k, v) in sortKeys ? dict.OrderBy(p => p.Key, StringComparer.Ordinal) : dict.AsEnumerable())
                {
                    Emit(emitter, k, sortKeys);
                    Emit(emitter, v, sortKeys);
                }
                emitter.Emit(new MappingEnd());
                break;
            case string s:
                var style = Resolve(s) is string && s.Trim() == s ? ScalarStyle.Any : ScalarStyle.SingleQuoted;
                emitter.Emit(new Scalar(null, null, s, style, true, true));
                break;
            case IEnumerable list when value is not ITemplateObject || value is QueryRow:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in list) Emit(emitter, item, sortKeys);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                var text = value switch
                {
                    null or Undefined => "null",
                    bool b => b ? "true" : "false",
                    double d => double.IsNaN(d) ? ".nan" : double.IsInfinity(d) ? (d > 0 ? ".inf" : "-.inf") : TemplateValues.FormatFloat(d),
                    _ => TemplateValues.Str(value),
                };
                emitter.Emit(new Scalar(null, null, text, value is long or double or decimal or bool or null ? ScalarStyle.Plain : ScalarStyle.Any, true, true));
                break;
        }
    }
}
