using System.Globalization;
using ModelForge.Compiler.Context;

namespace ModelForge.Runner.Cli;

/// <summary>
/// A profile value as `forge debug` prints it: scalars as written, lists as <c>[a, b]</c>, mappings
/// as <c>{k: v}</c>; the value of every key that looks secret (and all of a <c>secrets:</c> entry but
/// its type, name, provider and scope) as <c>********</c>.
/// </summary>
internal static class SettingText
{
    private static readonly HashSet<string> ShownSecretKeys = ["type", "name", "provider", "scope", "persistent"];

    public static string Format(string key, object? value) => Format(key, value, insideSecrets: key == "secrets");

    private static string Format(string key, object? value, bool insideSecrets) => value switch
    {
        _ when TargetInfo.IsSecretKey(key) && !(insideSecrets && (key == "secrets" || ShownSecretKeys.Contains(key))) => "********",
        null => "",
        string text => text,
        bool b => b ? "true" : "false",
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(p =>
            $"{p.Key}: {(insideSecrets && !ShownSecretKeys.Contains(p.Key) ? "********" : Format(p.Key, p.Value, insideSecrets))}")) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(item => Format(key, item, insideSecrets))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
