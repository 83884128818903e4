using System.Collections;
using System.Text;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// Writes the template of a generic test node: one call of the test macro, with
/// <c>model=get_where_subquery(ref('orders'))</c> as dbt passes it, and the arguments rendered as
/// dbt's <c>add_rendered_test_kwargs</c> renders them: every string, at any depth of lists and
/// dicts, except the top-level <c>column_name</c>. A string that reads like <c>ref(...)</c>,
/// <c>source(...)</c>, <c>var(...)</c>, <c>env_var(...)</c> or <c>doc(...)</c> is evaluated as that
/// call (so <c>to: ref('customers')</c> is a relation and an edge in the DAG); a string that is one
/// <c>{{ expression }}</c> becomes the expression's value (dbt renders natively); a string with
/// other Jinja is rendered to text; everything else is passed as written, read from
/// <see cref="TestMetadata.KwargsName"/>.
/// </summary>
internal static class GenericTestCall
{
    /// <summary>The file name of the shared call texts; never shown, since positions in them move to the YAML declaration.</summary>
    internal const string SharedPath = "<generic test call>";

    private static readonly string[] FunctionNames = ["env_var", "ref", "var", "source", "doc"];

    /// <summary>
    /// The template text, the values it reads from <see cref="TestMetadata.KwargsName"/> and whether
    /// the text is shared. When every argument is passed as written or is a literal
    /// <c>ref()</c>/<c>source()</c> (<see cref="LiteralCall"/>), the text is the same for every test of
    /// <paramref name="callee"/> with those argument names on a model (or on a source): it reads the
    /// tested relation from <see cref="TestMetadata.ModelName"/> and the literal calls' names from
    /// <see cref="TestMetadata.CallsName"/>, so one parsed template serves them all.
    /// </summary>
    public static Built Build(string callee, TestAttachment attachment, string? columnName, IReadOnlyDictionary<string, object?> arguments)
    {
        var kwargs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (columnName is not null) kwargs["column_name"] = columnName;
        foreach (var (key, value) in arguments) kwargs[key] = value;
        if (SharedText(callee, attachment, kwargs) is var (text, calls)) return new Built(text, kwargs, true, calls);

        var writer = new CallWriter();
        var entries = new StringBuilder();
        foreach (var (key, value) in kwargs)
        {
            if (entries.Length > 0) entries.Append(", ");
            var path = $"{TestMetadata.KwargsName}[{Quote(key)}]";
            // dbt keeps the column under test as written (it may be a quoted or computed expression).
            entries.Append(Quote(key)).Append(": ").Append(key == "column_name" ? path : writer.Expression(value, path));
        }
        var call = $"{writer.Captures}{{{{ {callee}(model={ModelExpression(attachment)}, **{{{entries}}}) }}}}";
        return new Built(call, kwargs, false, []);
    }

    /// <summary>A generated call: its text, its kwargs, whether the text is shared, and the literal calls it reads as data.</summary>
    internal sealed record Built(string Text, Dictionary<string, object?> Kwargs, bool Shared, IReadOnlyList<LiteralCall> Calls);

    /// <summary>
    /// The call with every argument read from data, evaluated as the written-out call would be (the
    /// relation's ref or source first, then the keyword arguments in order); null when an argument needs rendering.
    /// </summary>
    private static (string Text, List<LiteralCall> Calls)? SharedText(string callee, TestAttachment attachment, Dictionary<string, object?> kwargs)
    {
        List<LiteralCall>? calls = null;
        foreach (var (key, value) in kwargs)
        {
            if (key == "column_name" || !NeedsRender(value)) continue;
            if (value is not string text || LiteralCall.Parse(text) is not { } call) return null;
            (calls ??= []).Add(call);
        }
        var onSource = attachment.SourceName is not null;
        // The text of a call that reads every argument from data depends on the callee alone: written once per callee.
        if (calls is null) return (PlainCalls[onSource ? 1 : 0].GetOrAdd(callee, onSource ? PlainCallOnSource : PlainCallOnModel), []);

        var relation = RelationRead(onSource);

        var entries = new StringBuilder();
        var next = 0;
        foreach (var (key, value) in kwargs)
        {
            if (entries.Length > 0) entries.Append(", ");
            entries.Append(Quote(key)).Append(": ").Append(key != "column_name" && NeedsRender(value)
                ? $"({calls[next].Function}(*{TestMetadata.CallsName}[{next++}]))"
                : $"{TestMetadata.KwargsName}[{Quote(key)}]");
        }
        return ($"{{{{ {callee}(model=get_where_subquery({relation}), **{{{entries}}}) }}}}", calls);
    }

    // By callee, one table for tests on models and one for tests on sources (a table keyed by a tuple has no precompiled code).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>[] PlainCalls =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    private static readonly Func<string, string> PlainCallOnModel = callee => PlainCall(callee, onSource: false);
    private static readonly Func<string, string> PlainCallOnSource = callee => PlainCall(callee, onSource: true);

    private static string PlainCall(string callee, bool onSource) =>
        $"{{{{ {callee}(model=get_where_subquery({RelationRead(onSource)}), **{TestMetadata.KwargsName}) }}}}";

    private static string RelationRead(bool onSource) => onSource
        ? $"source({TestMetadata.ModelName}[0], {TestMetadata.ModelName}[1])"
        : $"ref({TestMetadata.ModelName})";

    /// <summary>What the shared call reads as <see cref="TestMetadata.ModelName"/>: the model's name, or [source, table].</summary>
    public static object ModelArgument(TestAttachment attachment) => attachment.SourceName is { } source
        ? new List<object?> { source, attachment.Name }
        : attachment.Name;

    /// <summary>The expression for the tested relation: <c>ref('orders')</c> or <c>source('raw', 'rides')</c>.</summary>
    private static string ModelExpression(TestAttachment attachment) => $"get_where_subquery({RelationCall(attachment)})";

    /// <summary>The kwarg dbt stores for the tested relation: <c>{{ get_where_subquery(ref('orders')) }}</c>.</summary>
    public static string ModelKwarg(TestAttachment attachment) => attachment.SourceName is { } source
        ? string.Concat("{{ get_where_subquery(source('", source, "', '", attachment.Name, "')) }}")
        : string.Concat("{{ get_where_subquery(ref('", attachment.Name, "')) }}");

    private static string RelationCall(TestAttachment attachment) => attachment.SourceName is { } source
        ? $"source('{source}', '{attachment.Name}')"
        : $"ref('{attachment.Name}')";

    /// <summary>dbt's <c>^\s*(env_var|ref|var|source|doc)\s*\(.+\)\s*$</c> (the arguments on one line).</summary>
    internal static bool LooksLikeFunction(string value)
    {
        var text = value.AsSpan().Trim();
        foreach (var name in FunctionNames)
        {
            if (!text.StartsWith(name, StringComparison.Ordinal)) continue;
            var rest = text[name.Length..].TrimStart();
            if (rest.Length >= 3 && rest[0] == '(' && rest[^1] == ')' && !rest[1..^1].ContainsAny('\n', '\r')) return true;
        }
        return false;
    }

    /// <summary>Whether dbt's renderer would change the string: it holds a Jinja opener.</summary>
    internal static bool HasJinja(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal);

    /// <summary>The expression inside a string that is exactly one <c>{{ ... }}</c>, which dbt's native render returns as a value.</summary>
    internal static string? SingleExpression(string text)
    {
        if (!text.StartsWith("{{", StringComparison.Ordinal) || !text.EndsWith("}}", StringComparison.Ordinal) || text.Length < 5) return null;
        if (text.IndexOf("{{", 2, StringComparison.Ordinal) >= 0 || text.IndexOf("}}", StringComparison.Ordinal) != text.Length - 2) return null;
        if (text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal)) return null;
        var inner = text[2..^2];
        if (inner.StartsWith('-') || inner.StartsWith('+')) inner = inner[1..];
        if (inner.EndsWith('-')) inner = inner[..^1];
        return inner.Trim().Length > 0 ? inner : null;
    }

    internal static string Quote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n").Replace("\r", "\\r") + "'";

    /// <summary>Builds argument expressions; strings with Jinja in them become <c>{% set %}</c> captures ahead of the call.</summary>
    private sealed class CallWriter
    {
        private int _next;

        public StringBuilder Captures { get; } = new();

        public string Expression(object? value, string path)
        {
            if (!NeedsRender(value)) return path;
            switch (value)
            {
                case string text when LooksLikeFunction(text):
                    return $"({text.Trim()})";
                case string text when SingleExpression(text) is { } inner:
                    return $"({inner})";
                case string text:
                    var variable = $"__forge_arg_{_next++}";
                    Captures.Append("{% set ").Append(variable).Append(" %}").Append(text).Append("{% endset %}");
                    return variable;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    return "{" + string.Join(", ", pairs.Select(p => $"{Quote(p.Key)}: {Expression(p.Value, $"{path}[{Quote(p.Key)}]")}")) + "}";
                case IList list:
                    var items = new List<string>(list.Count);
                    for (var i = 0; i < list.Count; i++) items.Add(Expression(list[i], $"{path}[{i}]"));
                    return "[" + string.Join(", ", items) + "]";
                default:
                    return path;
            }
        }

    }

    /// <summary>Whether the value (at any depth) holds a string that is rendered rather than passed as written.</summary>
    internal static bool NeedsRender(object? value) => value switch
    {
        string text => HasJinja(text) || LooksLikeFunction(text),
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.Any(p => NeedsRender(p.Value)),
        IList list => list.Cast<object?>().Any(NeedsRender),
        _ => false,
    };
}
