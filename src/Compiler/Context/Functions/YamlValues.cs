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
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            value = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
            return true;
        }
        catch (YamlException)
        {
            // dbt's fromyaml returns the default on malformed input.
            value = null;
            return false;
        }
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

    /// <summary>The value of a plain scalar: null, bool, int, float or the text itself (one resolver for every YAML reader).</summary>
    public static object? Resolve(string text) => Project.PlainScalarResolver.Resolve(text);

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
