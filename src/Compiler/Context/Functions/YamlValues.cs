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
        var budget = MaxNodes;
        try
        {
            value = root is null ? null : Convert(root, 0, ref budget);
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private const int MaxDepth = 200;
    private const int MaxNodes = 1_000_000;

    // Aliases make the node graph a DAG (or, through a merge, a cycle): count every node visited.
    private static object? Convert(YamlNode node, int depth, ref int budget)
    {
        if (--budget < 0 || depth > MaxDepth) throw new InvalidOperationException("YAML value too large after alias expansion");
        switch (node)
        {
            case YamlMappingNode map:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, item) in map.Children) dict[TemplateValues.Str(Convert(key, depth + 1, ref budget))] = Convert(item, depth + 1, ref budget);
                return dict;
            case YamlSequenceNode seq:
                var list = new List<object?>(seq.Children.Count);
                foreach (var item in seq.Children) list.Add(Convert(item, depth + 1, ref budget));
                return list;
            case YamlScalarNode { Style: ScalarStyle.Plain } scalar:
                return Resolve(scalar.Value ?? "");
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                return null;
        }
    }

    /// <summary>The value of a plain scalar: null, bool, int, float or the text itself (one resolver for every YAML reader).</summary>
    public static object? Resolve(string text) => Project.PlainScalarResolver.Resolve(text);

    public static string Serialize(object? value, bool sortKeys)
    {
        var writer = new StringWriter();
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, value, sortKeys, 0);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, object? value, bool sortKeys, int depth)
    {
        CircularValueException.Check(depth);
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> dict:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (k, v) in sortKeys ? dict.OrderBy(p => p.Key, StringComparer.Ordinal) : dict.AsEnumerable())
                {
                    Emit(emitter, k, sortKeys, depth + 1);
                    Emit(emitter, v, sortKeys, depth + 1);
                }
                emitter.Emit(new MappingEnd());
                break;
            case string s:
                var style = Resolve(s) is string && s.Trim() == s ? ScalarStyle.Any : ScalarStyle.SingleQuoted;
                emitter.Emit(new Scalar(null, null, s, style, true, true));
                break;
            case IEnumerable list when value is not ITemplateObject || value is QueryRow:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in list) Emit(emitter, item, sortKeys, depth + 1);
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
