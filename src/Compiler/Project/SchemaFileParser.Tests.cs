using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

internal sealed partial class SchemaFileParser
{
    // dbt's CONFIG_ARGS: keys written beside a test's arguments that are config, not arguments.
    private static readonly HashSet<string> TestConfigKeys = new(StringComparer.Ordinal)
    {
        "severity", "tags", "enabled", "where", "limit", "warn_if", "error_if", "fail_calc",
        "store_failures", "store_failures_as", "meta", "database", "schema", "alias",
    };

    private static readonly string[] TestListKeys = ["data_tests", "tests"];

    /// <summary>The <c>data_tests:</c> and older <c>tests:</c> lists of an entry or a column.</summary>
    /// <param name="converted">The entry's values already converted (see <see cref="Converted"/>), or null.</param>
    private List<TestDeclaration> Tests(YamlMappingNode entry, TestAttachment attachment, string? column, Dictionary<string, object?>? converted = null)
    {
        var result = new List<TestDeclaration>();
        foreach (var key in TestListKeys)
        {
            if (_reader.Sequence(YamlReader.Get(entry, key), key) is not { } list) continue;
            var convertedList = converted?.GetValueOrDefault(key) as List<object?>;
            var children = list.Children;
            for (var i = 0; i < children.Count; i++)
            {
                if (Test(children[i], convertedList?[i], attachment, column) is { } test) result.Add(test);
            }
        }
        return result;
    }

    /// <param name="convertedItem">The item's value already converted, or null.</param>
    private TestDeclaration? Test(YamlNode item, object? convertedItem, TestAttachment attachment, string? column)
    {
        var span = _reader.Span(item);
        string fullName;
        YamlMappingNode? properties = null;
        Dictionary<string, object?>? convertedProperties = null;
        var nameSpan = span;
        switch (item)
        {
            case YamlScalarNode scalar when YamlValues.ParseScalar(scalar) is string text && text.Length > 0:
                fullName = text;
                break;
            // dbt's other spelling: `- {test_name: unique, name: ..., config: ...}`, the other keys being the body.
            case YamlMappingNode map when YamlReader.Get(map, "test_name") is YamlScalarNode { Value: { Length: > 0 } testName } nameNode:
                fullName = testName;
                nameSpan = _reader.Span(nameNode);
                properties = map;
                convertedProperties = convertedItem as Dictionary<string, object?>;
                break;
            // By index: First() would box the children's enumerator, once per test in the project.
            case YamlMappingNode { Children.Count: 1 } map when map.Children[0].Key is YamlScalarNode key:
                fullName = key.Value ?? "";
                nameSpan = _reader.Span(key);
                var body = map.Children[0].Value;
                if (!YamlReader.IsNull(body)) properties = _reader.Mapping(body, fullName);
                convertedProperties = (convertedItem as Dictionary<string, object?>)?.GetValueOrDefault(fullName) as Dictionary<string, object?>;
                break;
            default:
                var actual = item is YamlMappingNode m ? $"a mapping with {m.Children.Count} keys" : YamlValues.Describe(item);
                _reader.Diagnostics.Add(DiagnosticCodes.Project.InvalidTestDeclaration(span, actual));
                return null;
        }
        var dot = fullName.LastIndexOf('.');
        var ns = dot > 0 ? fullName[..dot] : null;
        var name = dot > 0 ? fullName[(dot + 1)..] : fullName;

        // dbt 1.10+ (require_generic_test_arguments_property, on by default): the `arguments:` block is
        // merged over the other non-config keys, which stay arguments too (with a deprecation in dbt).
        // Made when something goes in: most tests are a bare name (`- unique`), and share the empty dictionary instead.
        Dictionary<string, object?>? arguments = null, block = null, config = null;
        string? customName = null, description = null, columnName = column;
        if (properties is not null)
        {
            var converted = convertedProperties is null ? null : Converted(properties, convertedProperties);
            var values = converted ?? (Dictionary<string, object?>)_reader.Value(properties)!;
            foreach (var (key, value) in values)
            {
                switch (key)
                {
                    case "test_name" when ReferenceEquals(properties, item):
                    case "config":
                        break;
                    case "arguments" when value is Dictionary<string, object?> args:
                        block ??= new Dictionary<string, object?>(StringComparer.Ordinal);
                        foreach (var (k, v) in args) block[k] = v;
                        break;
                    case "arguments":
                        if (value is not null) _reader.WrongType(YamlReader.Get(properties, key)!, "arguments", "a mapping");
                        break;
                    case "name":
                        customName = value?.ToString();
                        break;
                    case "description":
                        description = value?.ToString();
                        break;
                    case "column_name" when column is null:
                        columnName = value?.ToString();
                        break;
                    case "column_name":
                        break;
                    case var _ when TestConfigKeys.Contains(key):
                        if (value is not null) (config ??= new(StringComparer.Ordinal))[key] = value;
                        break;
                    default:
                        (arguments ??= new(StringComparer.Ordinal))[key] = value;
                        break;
                }
            }
            if (block is not null)
            {
                foreach (var (k, v) in block)
                {
                    if (k == "column_name" && v is not null) columnName = v.ToString();
                    else (arguments ??= new(StringComparer.Ordinal))[k] = v;
                }
            }
            // config: wins over the older top-level spelling; dbt drops null config values.
            if (Dictionary(properties, "config", converted) is { } explicitConfig)
            {
                foreach (var (k, v) in explicitConfig)
                {
                    if (v is not null) (config ??= new(StringComparer.Ordinal))[k] = v;
                }
            }
        }
        return new TestDeclaration(name, ns, arguments ?? Empty.Dictionary, config ?? Empty.Dictionary, columnName, attachment, span)
        {
            CustomName = customName,
            Description = description,
            NameSpan = nameSpan,
        };
    }
}
