using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>
/// <c>modules.re</c>: match, search, fullmatch, findall, finditer, sub, split, compile, escape and
/// the flags, on .NET regular expressions (see <see cref="RegexTranslator"/> for the differences).
/// </summary>
internal static class ReModule
{
    public static readonly Namespace Instance = new("<module 're'>", new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["match"] = new Function("match", a => Pattern(a, 2).Match(Text(a, 1), anchored: true, full: false)),
        ["fullmatch"] = new Function("fullmatch", a => Pattern(a, 2).Match(Text(a, 1), anchored: true, full: true)),
        ["search"] = new Function("search", a => Pattern(a, 2).Match(Text(a, 1), anchored: false, full: false)),
        ["findall"] = new Function("findall", a => Pattern(a, 2).FindAll(Text(a, 1))),
        ["finditer"] = new Function("finditer", a =>
        {
            var pattern = Pattern(a, 2);
            return pattern.Regex.Matches(Text(a, 1)).Select(m => (object?)new PyMatch(m, pattern)).ToList();
        }),
        ["split"] = new Function("split", a => Pattern(a, 3).Split(Text(a, 1), Args.OptionalInt(a, 2, "maxsplit", "re.split", "re.split(pattern, string, maxsplit=0)") ?? 0)),
        ["sub"] = new Function("sub", a => Pattern(a, 4).Sub(
            Args.Value(a, 1, "repl", "re.sub", "re.sub(pattern, repl, string)"), Text(a, 2),
            Args.OptionalInt(a, 3, "count", "re.sub", "re.sub(pattern, repl, string, count=0)") ?? 0, a)),
        ["compile"] = new Function("compile", a => Pattern(a, 1)),
        ["escape"] = new Function("escape", a => Escape(TemplateValues.Str(Args.Value(a, 0, "pattern", "re.escape", "re.escape('a.b')")))),
        ["I"] = (long)RegexTranslator.IgnoreCase,
        ["IGNORECASE"] = (long)RegexTranslator.IgnoreCase,
        ["M"] = (long)RegexTranslator.Multiline,
        ["MULTILINE"] = (long)RegexTranslator.Multiline,
        ["S"] = (long)RegexTranslator.DotAll,
        ["DOTALL"] = (long)RegexTranslator.DotAll,
        ["X"] = (long)RegexTranslator.Verbose,
        ["VERBOSE"] = (long)RegexTranslator.Verbose,
        ["A"] = (long)RegexTranslator.Ascii,
        ["ASCII"] = (long)RegexTranslator.Ascii,
    });

    private static PyPattern Pattern(CallArguments a, int flagsIndex)
    {
        var value = Args.Value(a, 0, "pattern", "re", "re.search(pattern, string)");
        if (value is PyPattern compiled) return compiled;
        if (value is not string pattern) throw Args.WrongType(a, "re", "pattern", "a string", value, "re.search('[0-9]+', text)");
        var flags = Args.OptionalInt(a, flagsIndex, "flags", "re", "re.search(pattern, string, flags=re.I)") ?? 0;
        return RegexTranslator.Get(pattern, (int)flags, a.CallSpan);
    }

    private static string Text(CallArguments a, int index) =>
        TemplateValues.Str(Args.Value(a, index, "string", "re", "re.search(pattern, string)"));

    // Python 3.7+: escape everything but ASCII letters, digits and '_'.
    private static string Escape(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c > 127)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
