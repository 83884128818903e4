using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Cli;

/// <summary>
/// Value rules for options, with messages in the user's terms: "--threads expects a whole number
/// from 1 up, got 'abc'" rather than System.CommandLine's "as expected type 'System.Nullable`1…'".
/// </summary>
internal static class OptionRules
{
    /// <summary>One of <paramref name="values"/> (case-sensitive, as dbt's choices are).</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] values)
    {
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return values[0];
            var text = result.Tokens[0].Value;
            if (values.Contains(text, StringComparer.Ordinal)) return text;
            var nearest = NameSuggester.Nearest(text, values);
            result.AddError(UsageError.Encode(
                $"{option.Name} expects {Choices(values)}, got '{text}'",
                nearest is null ? $"e.g. {option.Name} {values[0]}" : $"did you mean '{nearest}'?"));
            return values[0];
        };
        return option;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>] (<see cref="WholeNumberOption"/>); null, with the error added, for anything else.</summary>
    public static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max, string expected, string example)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        result.AddError(UsageError.Encode($"{name} expects {expected}, got '{text}'", $"e.g. {name} {example}"));
        return null;
    }

    private static string Choices(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";
}
