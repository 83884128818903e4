using System.Globalization;
using System.Text;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>
/// The statements that apply a DuckDB profile to a connection, in dbt-duckdb's order: extensions,
/// secrets, attached databases, then settings. Every statement is safe to repeat, because each
/// thread's connection runs them all (a database instance closed and reopened has lost them).
/// </summary>
internal static class DuckDbSessionSetup
{
    public static IReadOnlyList<DuckDbSetupStep> For(DuckDbTargetProfile profile)
    {
        var steps = new List<DuckDbSetupStep>();
        foreach (var extension in profile.ExtensionEntries)
        {
            // LOAD first: a bundled or installed extension then needs no network, which INSTALL may reach for.
            var install = extension.Repository is { } repository
                ? $"install {extension.Name} from {(IsPlainName(repository) ? repository : Literal(repository))}"
                : $"install {extension.Name}";
            steps.Add(new(DuckDbSetupKind.Extension, extension.Name, $"load {extension.Name}", install, extension.Span));
        }
        foreach (var secret in profile.Secrets)
            steps.Add(new(DuckDbSetupKind.Secret, secret.Name, CreateSecret(secret), null, secret.Span));
        foreach (var attachment in profile.Attachments)
            steps.Add(new(DuckDbSetupKind.Attach, attachment.Path, Attach(attachment), null, attachment.Span));
        foreach (var (key, value) in profile.DuckDbSettings)
        {
            // As dbt-duckdb: every value as a string literal, which DuckDB casts to the setting's type.
            steps.Add(new(DuckDbSetupKind.Setting, key, $"set {key} = {Literal(Text(value))}", null, profile.SettingSpans.GetValueOrDefault(key)));
        }
        return steps;
    }

    /// <summary>An extension, type or secret name that can be written into a statement unquoted.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A setting or option name: a plain name, possibly dotted (extension settings).</summary>
    public static bool IsSettingName(string name) => name.Split('.').All(IsPlainName);

    private static string CreateSecret(DuckDbSecret secret)
    {
        var parts = new List<string> { $"type {secret.Type}" };
        foreach (var (key, value) in secret.Parameters)
        {
            parts.AddRange(key switch
            {
                // dbt-duckdb writes a provider unquoted (credential_chain, config) and one scope clause per scope.
                "provider" => [$"provider {Text(value)}"],
                "scope" when value is IEnumerable<object?> scopes => scopes.Select(s => $"scope {Literal(Text(s))}"),
                _ => [$"{key} {Value(value)}"],
            });
        }
        return $"create or replace {(secret.Persistent ? "persistent " : "")}secret {secret.Name} ({string.Join(", ", parts)})";
    }

    private static string Attach(DuckDbAttachment attachment)
    {
        var sql = new StringBuilder($"attach if not exists {Literal(attachment.Path)}");
        if (attachment.Alias is { } alias) sql.Append(" as ").Append('"').Append(alias.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        var options = new List<string>();
        if (attachment.Type is { } type) options.Add($"type {type}");
        if (attachment.Secret is { } secret) options.Add($"secret {(IsPlainName(secret) ? secret : Literal(secret))}");
        if (attachment.ReadOnly) options.Add("read_only");
        foreach (var (key, value) in attachment.Options)
        {
            // A true flag is the bare option (READ_ONLY); a false one is left out, as dbt-duckdb does.
            if (value is bool flag)
            {
                if (flag && !(key == "read_only" && attachment.ReadOnly)) options.Add(key);
            }
            else if (!(key == "type" && attachment.Type is not null) && !(key == "secret" && attachment.Secret is not null))
            {
                options.Add($"{key} {(key is "type" or "secret" && IsPlainName(Text(value)) ? Text(value) : Value(value))}");
            }
        }
        if (options.Count > 0) sql.Append(" (").Append(string.Join(", ", options)).Append(')');
        return sql.ToString();
    }

    // Numbers stay numbers; lists become DuckDB lists and mappings DuckDB maps (secret headers).
    private static string Value(object? value) => value switch
    {
        long or int or double or decimal => Text(value),
        bool b => b ? "true" : "false",
        IDictionary<string, object?> map => "map {" + string.Join(", ", map.Select(p => $"{Literal(p.Key)}: {Literal(Text(p.Value))}")) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(i => Literal(Text(i)))) + "]",
        _ => Literal(Text(value)),
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
