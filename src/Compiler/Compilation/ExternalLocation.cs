using System.Globalization;
using System.Text;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// dbt-duckdb's <c>external_location</c> on a source: the table is a file (or a table function)
/// that <c>source()</c> renders in place of <c>"schema"."table"</c>. The location is a template
/// filled from the source's name, identifier, schema, database, tags, meta and config (config wins
/// over meta, both over the built-in names), with one of three formatters as Python spells them:
/// <c>newstyle</c> (<c>{name}</c>, the default), <c>oldstyle</c> (<c>%(name)s</c>) and
/// <c>template</c> (<c>$name</c>). A result that is neither a call nor already quoted becomes a quoted path.
/// </summary>
internal static class ExternalLocation
{
    /// <summary>The source node with its relation rendering as the location; the node itself when it has none.</summary>
    public static ProjectNode Apply(ProjectNode source, DiagnosticBag diagnostics)
    {
        if (source.SourceTable is not { } table) return source;
        var values = Values(source, table);
        if (values.GetValueOrDefault("external_location") is not string template || template.Length == 0) return source;
        var formatter = values.GetValueOrDefault("formatter")?.ToString() ?? "newstyle";
        string? filled;
        string? missing;
        switch (formatter)
        {
            case "newstyle": filled = NewStyle(template, values, out missing); break;
            case "oldstyle": filled = OldStyle(template, values, out missing); break;
            case "template": filled = Dollar(template, values, out missing); break;
            default:
                diagnostics.Add(DiagnosticCodes.ExternalFiles.UnknownFormatter(table.Span, Name(table), formatter));
                return source;
        }
        if (filled is null)
        {
            diagnostics.Add(DiagnosticCodes.ExternalFiles.UnknownPlaceholder(table.Span, Name(table), missing!, values.Keys));
            return source;
        }
        return source.WithRelation(source.Relation with { External = Quoted(filled) });
    }

    // dbt-duckdb adds the quotes unless the location is a table function call or already a literal.
    internal static string Quoted(string location) =>
        location.Contains('(', StringComparison.Ordinal) || location.StartsWith('\'')
            ? location
            : "'" + location.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Name(SourceTable table) => $"{table.SourceName}.{table.Name}";

    private static Dictionary<string, object?> Values(ProjectNode source, SourceTable table)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = table.Name,
            ["identifier"] = table.Identifier,
            ["schema"] = source.Relation.Schema,
            ["database"] = source.Relation.Database,
            ["tags"] = source.Config.Tags,
        };
        foreach (var (key, value) in source.Config.Meta) values[key] = value;
        foreach (var (key, value) in source.Config)
        {
            if (key is not ("meta" or "tags" or "enabled")) values[key] = value;
        }
        return values;
    }

    // Python's str() of the values a location can name.
    private static string Text(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => s,
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(v => v is string s ? $"'{s}'" : Text(v))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // str.format_map: {{ and }} are literal braces; {key}, {key:spec} and {key!r} name a value.
    // A brace whose content is not a name (a DuckDB struct such as {'a': 'INT'}) is kept as written,
    // where Python would fail, so table-function locations need no escaping.
    internal static string? NewStyle(string template, IReadOnlyDictionary<string, object?> values, out string? missing)
    {
        missing = null;
        var sb = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (c == '{' && template.IndexOf('}', i + 1) is var close and > 0)
            {
                var field = template[(i + 1)..close];
                var end = field.IndexOfAny([':', '!']);
                var key = end >= 0 ? field[..end] : field;
                if (IsName(key))
                {
                    if (!values.TryGetValue(key, out var value))
                    {
                        missing = key;
                        return null;
                    }
                    sb.Append(Text(value));
                    i = close;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // The % operator with a mapping: %(key)s (any conversion letter), %% a literal percent sign.
    internal static string? OldStyle(string template, IReadOnlyDictionary<string, object?> values, out string? missing)
    {
        missing = null;
        var sb = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '%' && i + 1 < template.Length && template[i + 1] == '%')
            {
                sb.Append('%');
                i++;
                continue;
            }
            if (c == '%' && i + 1 < template.Length && template[i + 1] == '(' && template.IndexOf(')', i + 2) is var close and > 0)
            {
                var key = template[(i + 2)..close];
                var letter = close + 1;
                while (letter < template.Length && !char.IsLetter(template[letter])) letter++;
                if (letter < template.Length)
                {
                    if (!values.TryGetValue(key, out var value))
                    {
                        missing = key;
                        return null;
                    }
                    sb.Append(Text(value));
                    i = letter;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // string.Template.substitute: $key or ${key}; $$ a literal dollar sign.
    internal static string? Dollar(string template, IReadOnlyDictionary<string, object?> values, out string? missing)
    {
        missing = null;
        var sb = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                sb.Append(c);
                continue;
            }
            if (template[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }
            string key;
            int last;
            if (template[i + 1] == '{' && template.IndexOf('}', i + 2) is var close and > 0)
            {
                key = template[(i + 2)..close];
                last = close;
            }
            else
            {
                var end = i + 1;
                while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_')) end++;
                key = template[(i + 1)..end];
                last = end - 1;
            }
            if (!IsName(key))
            {
                sb.Append(c);
                continue;
            }
            if (!values.TryGetValue(key, out var value))
            {
                missing = key;
                return null;
            }
            sb.Append(Text(value));
            i = last;
        }
        return sb.ToString();
    }

    private static bool IsName(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
