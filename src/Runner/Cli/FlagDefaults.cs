using System.CommandLine;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Cli;

/// <summary>
/// A flag's value, else its environment variable as dbt names it (DBT_TARGET_PATH) with a
/// FORGE_ twin that wins over it (FORGE_TARGET_PATH): the flag always wins, as in dbt. A variable
/// with a value the flag would not accept is collected in <see cref="Problems"/>, not ignored.
/// </summary>
internal sealed class FlagDefaults(ParseResult parse, CliEnvironment environment)
{
    // Click's boolean spellings, which dbt's environment variables accept.
    private static readonly string[] TrueWords = ["1", "true", "t", "yes", "y", "on"];
    private static readonly string[] FalseWords = ["0", "false", "f", "no", "n", "off", ""];

    public List<Diagnostic> Problems { get; } = [];

    public string? String(Option<string?> option, string name) =>
        Given(option) ? parse.GetValue(option) : Variable(name)?.Value;

    public string? Choice(Option<string> option, string name, params string[] values)
    {
        if (Given(option) || Variable(name) is not { } variable) return parse.GetValue(option);
        if (values.Contains(variable.Value, StringComparer.Ordinal)) return variable.Value;
        Problems.Add(DiagnosticCodes.Commands.BadEnvironmentValue(variable.Name, variable.Value, string.Join(", ", values)));
        return parse.GetValue(option);
    }

    public bool Bool(Option<bool> option, string name)
    {
        if (Given(option) || Variable(name) is not { } variable) return parse.GetValue(option);
        var word = variable.Value.Trim().ToLowerInvariant();
        if (TrueWords.Contains(word)) return true;
        if (FalseWords.Contains(word)) return false;
        Problems.Add(DiagnosticCodes.Commands.BadEnvironmentValue(variable.Name, variable.Value, "true or false"));
        return false;
    }

    private bool Given(Option option) => parse.GetResult(option) is { Implicit: false };

    private (string Name, string Value)? Variable(string name) => Variable(environment.GetEnvironmentVariable, name);

    /// <summary>The variable standing in for a flag, FORGE_ before DBT_ (also read by the memo's prefetch, before any parse).</summary>
    public static (string Name, string Value)? Variable(Func<string, string?> read, string name)
    {
        foreach (var prefix in (string[])["FORGE_", "DBT_"])
        {
            if (read(prefix + name) is { } value) return (prefix + name, value);
        }
        return null;
    }
}
