using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Cli;

/// <summary>
/// Turns a parse into at most one usage error, the first in reading order, so a typo gives one
/// line and a hint instead of a cascade. It is stricter than the parser in one way: a word shaped
/// like a flag (`--fullrefresh`) is never accepted as a value, because after `-s x` the parser
/// would otherwise take it as one more selector and the run would quietly select nothing.
/// </summary>
internal static partial class UsageChecker
{
    // Options whose values are free text, where a leading "-" is legitimate (a SQL comment).
    private static readonly HashSet<string> FreeTextOptions = new(StringComparer.Ordinal) { "--inline", "--vars" };

    public static UsageError? Find(ParseResult parse)
    {
        var command = parse.CommandResult;
        if (FirstStrayToken(parse) is { } stray) return Unmatched(stray, command);
        if (parse.Errors.Count == 0) return null;

        var error = parse.Errors[0];
        var name = CommandPath(command);
        if (command.Command.Subcommands.Count > 0 && command.Command.Action is null)
        {
            return new UsageError(DiagnosticCodes.Cli.MissingCommand,
                $"`{name}` needs a command: {string.Join(", ", command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}",
                $"e.g. `{name} {command.Command.Subcommands[0].Name}`; `{name} --help` describes them");
        }
        switch (error.SymbolResult)
        {
            case OptionResult { Tokens.Count: 0 } option:
                return new UsageError(DiagnosticCodes.Cli.MissingValue, $"{option.Option.Name} needs a value",
                    $"{option.Option.Name}: {option.Option.Description}");
            case CommandResult or ArgumentResult { Tokens.Count: 0 } when command.Command.Arguments.FirstOrDefault() is { } argument:
                var placeholder = argument.Name.ToUpperInvariant();
                return new UsageError(DiagnosticCodes.Cli.MissingValue, $"`{name}` needs a {placeholder}", $"`{name} {placeholder}`: {argument.Description}");
            default:
                return UsageError.Decode(DiagnosticCodes.Cli.BadOptionValue, error.Message, $"run `{name} --help` for the accepted options");
        }
    }

    /// <summary>
    /// The first token, in reading order, that the parser could not place, or that looks like an
    /// option but was taken as a value (unless it follows a free-text option such as --inline).
    /// </summary>
    private static string? FirstStrayToken(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        string? previous = null;
        var afterDoubleDash = false;
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) afterDoubleDash = true;
            if (token.Type == TokenType.Argument)
            {
                if (unmatched.Contains(token.Value)) return token.Value;
                var freeText = previous is not null && FreeTextOptions.Contains(previous);
                if (!afterDoubleDash && !freeText && FlagShape().IsMatch(token.Value)) return token.Value;
            }
            previous = token.Type == TokenType.Option ? token.Value : null;
        }
        return parse.UnmatchedTokens.FirstOrDefault();
    }

    private static UsageError Unmatched(string token, CommandResult command)
    {
        if (token.StartsWith('-') && token.Length > 1 && !char.IsAsciiDigit(token[1])) return UnknownOption(token, command);
        var name = CommandPath(command);
        var subcommands = command.Command.Subcommands.Where(c => !c.Hidden).ToList();
        if (subcommands.Count > 0)
        {
            var nearest = Nearest(token, subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)).ToList());
            return new UsageError(DiagnosticCodes.Cli.UnknownCommand, $"unknown command '{token}' for `{name}`",
                nearest is not null ? $"did you mean `{name} {nearest}`?" : $"the commands are {string.Join(", ", subcommands.Select(c => c.Name))}; `{name} --help` describes them");
        }
        var hint = command.Command.Options.Any(o => o.Name == "--select")
            ? $"`{name}` takes no arguments here; to pick nodes write `--select {token}`"
            : $"run `{name} --help` for what it takes";
        return new UsageError(DiagnosticCodes.Cli.UnexpectedArgument, $"unexpected argument '{token}' for `{name}`", hint);
    }

    private static UsageError UnknownOption(string token, CommandResult command)
    {
        var word = token.Split('=', 2)[0];
        var name = CommandPath(command);
        var options = VisibleOptions(command).ToList();
        var nearest = Nearest(word.TrimStart('-'), options.SelectMany(Names).Select(n => n.TrimStart('-')).ToList());
        string hint;
        if (options.Any(o => Names(o).Contains(word)))
        {
            // `forge --project-dir X run`: the command knows the option, but it came before the command's name.
            hint = $"options of `{name}` go after it: `{name} {word} …` (only -q, --debug, --log-level and --warn-error may come first)";
        }
        else if (nearest is not null)
        {
            var option = options.First(o => Names(o).Any(n => n.TrimStart('-') == nearest));
            hint = $"did you mean '{option.Name}'?";
        }
        else if (OtherCommandsWith(word, command) is { Count: > 0 } others)
        {
            hint = $"{word} is an option of {string.Join(", ", others.Select(c => $"`forge {c}`"))}";
        }
        else
        {
            hint = $"run `{name} --help` for the accepted options";
        }
        return new UsageError(DiagnosticCodes.Cli.UnknownOption, $"unknown option '{word}' for `{name}`", hint);
    }

    /// <summary>The nearest name by edit distance, else the only one the word begins (`gen` → generate).</summary>
    private static string? Nearest(string word, IReadOnlyList<string> names)
    {
        if (NameSuggester.Nearest(word, names) is { } near) return near;
        var prefixed = word.Length >= 2 ? names.Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Distinct().ToList() : [];
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    /// <summary>The command's own options and those its ancestors pass down (--help, --version).</summary>
    private static IEnumerable<Option> VisibleOptions(CommandResult command)
    {
        foreach (var option in command.Command.Options) yield return option;
        for (var parent = command.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive)) yield return option;
        }
    }

    private static IEnumerable<string> Names(Option option) => option.Aliases.Prepend(option.Name);

    private static List<string> OtherCommandsWith(string word, CommandResult command)
    {
        var root = command;
        while (root.Parent is CommandResult parent) root = parent;
        var found = new List<string>();
        void Visit(Command c, string path)
        {
            foreach (var sub in c.Subcommands)
            {
                var subPath = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
                if (sub.Options.Any(o => Names(o).Contains(word, StringComparer.Ordinal))) found.Add(subPath);
                Visit(sub, subPath);
            }
        }
        Visit(root.Command, "");
        return found;
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (CommandResult? c = command; c is not null; c = c.Parent as CommandResult)
        {
            names.Add(c.Parent is null ? "forge" : c.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }

    // -x, --word, --word=value; not -1 (a negative number) and not text with spaces.
    [GeneratedRegex(@"^--?[A-Za-z][A-Za-z0-9_-]*(=.*)?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FlagShape();
}
