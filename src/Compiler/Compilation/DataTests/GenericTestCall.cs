using System.Text;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// Writes the template of a generic test node: one call of the test macro, with
/// <c>model=get_where_subquery(ref('orders'))</c> as dbt passes it. Arguments follow dbt's rules:
/// a string that reads like <c>ref(...)</c>, <c>source(...)</c>, <c>var(...)</c>, <c>env_var(...)</c>
/// or <c>doc(...)</c> is evaluated as that call (so <c>to: ref('customers')</c> is a relation and an
/// edge in the DAG); a string with Jinja in it is rendered; column_name and everything else is
/// passed as written.
/// </summary>
internal static class GenericTestCall
{
    private static readonly string[] FunctionNames = ["env_var", "ref", "var", "source", "doc"];

    /// <returns>The template text and the values it reads from <see cref="TestMetadata.KwargsName"/>.</returns>
    public static (string Text, Dictionary<string, object?> Kwargs) Build(string callee, string modelExpression, string? columnName,
        IReadOnlyDictionary<string, object?> arguments)
    {
        var kwargs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (columnName is not null) kwargs["column_name"] = columnName;
        var captured = new StringBuilder();
        var inline = new StringBuilder();
        var index = 0;
        foreach (var (key, value) in arguments)
        {
            if (value is string text && LooksLikeFunction(text) && IsIdentifier(key))
            {
                inline.Append(", ").Append(key).Append("=(").Append(text.Trim()).Append(')');
            }
            else if (value is string template && (template.Contains("{{", StringComparison.Ordinal) || template.Contains("{%", StringComparison.Ordinal)) && IsIdentifier(key))
            {
                var variable = $"__forge_arg_{index++}";
                captured.Append("{% set ").Append(variable).Append(" %}").Append(template).Append("{% endset %}");
                inline.Append(", ").Append(key).Append('=').Append(variable);
            }
            else
            {
                kwargs[key] = value;
            }
        }
        var call = $"{captured}{{{{ {callee}(model={modelExpression}{inline}, **{TestMetadata.KwargsName}) }}}}";
        return (call, kwargs);
    }

    /// <summary>The expression for the tested relation: <c>ref('orders')</c> or <c>source('raw', 'rides')</c>.</summary>
    public static string ModelExpression(TestAttachment attachment) => attachment.SourceName is { } source
        ? $"get_where_subquery(source({Quote(source)}, {Quote(attachment.Name)}))"
        : $"get_where_subquery(ref({Quote(attachment.Name)}))";

    internal static bool LooksLikeFunction(string value)
    {
        var text = value.AsSpan().Trim();
        foreach (var name in FunctionNames)
        {
            if (!text.StartsWith(name, StringComparison.Ordinal)) continue;
            var rest = text[name.Length..].TrimStart();
            if (rest.Length >= 3 && rest[0] == '(' && rest[^1] == ')') return true;
        }
        return false;
    }

    private static bool IsIdentifier(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
