using System.Text.RegularExpressions;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>A compiled Python pattern (<c>re.compile</c>) and the operations <c>re</c> offers on it.</summary>
internal sealed class PyPattern(string source, int flags, Regex regex, IReadOnlyDictionary<string, int> groupNames) : ITemplateObject
{
    private Regex? _anchored;
    private Regex? _full;

    public string Source { get; } = source;

    public int Flags { get; } = flags;

    public Regex Regex { get; } = regex;

    /// <summary>Python group names → group numbers.</summary>
    public IReadOnlyDictionary<string, int> GroupNames { get; } = groupNames;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "pattern" => Source,
            "flags" => (long)Flags,
            "groups" => (long)(Regex.GetGroupNumbers().Length - 1),
            "match" => new Function("match", a => Match(Text(a, 0), anchored: true, full: false)),
            "fullmatch" => new Function("fullmatch", a => Match(Text(a, 0), anchored: true, full: true)),
            "search" => new Function("search", a => Match(Text(a, 0), anchored: false, full: false)),
            "findall" => new Function("findall", a => FindAll(Text(a, 0))),
            "finditer" => new Function("finditer", a => Regex.Matches(Text(a, 0)).Select(m => (object?)new PyMatch(m, this)).ToList()),
            "split" => new Function("split", a => Split(Text(a, 0), Args.OptionalInt(a, 1, "maxsplit", "split", "p.split(string, maxsplit=0)") ?? 0)),
            "sub" => new Function("sub", a => Sub(a.Get(0, "repl"), Text(a, 1), Args.OptionalInt(a, 2, "count", "sub", "p.sub(repl, string, count=0)") ?? 0, a)),
            _ => null,
        };
        return value is not null;
    }

    private static string Text(CallArguments a, int index) =>
        TemplateValues.Str(Args.Value(a, index, "string", "re", "re.search(pattern, string)"));

    public PyMatch? Match(string text, bool anchored, bool full)
    {
        var regex = full ? _full ??= Wrap(@")\z") : anchored ? _anchored ??= Wrap(")") : Regex;
        var match = regex.Match(text);
        return match.Success ? new PyMatch(match, this) : null;
    }

    // match()/fullmatch() pin the pattern with \A (and \z); a non-capturing wrapper keeps group
    // numbers, and the line break ends a trailing comment of a verbose pattern.
    private Regex Wrap(string tail) => new(@"\A(?:" + Regex + ((Regex.Options & RegexOptions.IgnorePatternWhitespace) != 0 ? "\n" : "") + tail, Regex.Options, Regex.MatchTimeout);

    public List<object?> FindAll(string text)
    {
        var groups = Regex.GetGroupNumbers().Length - 1;
        return Regex.Matches(text).Select(m => groups switch
        {
            0 => (object?)m.Value,
            1 => m.Groups[1].Value,
            _ => Enumerable.Range(1, groups).Select(i => (object?)m.Groups[i].Value).ToArray(),
        }).ToList();
    }

    public List<object?> Split(string text, long maxSplit) =>
        (maxSplit > 0 ? Regex.Split(text, (int)maxSplit + 1) : Regex.Split(text)).Cast<object?>().ToList();

    public string Sub(object? repl, string text, long count, CallArguments call)
    {
        MatchEvaluator evaluator = repl switch
        {
            ICallable f => m => TemplateValues.Str(f.Call(new CallArguments([new PyMatch(m, this)], CallArguments.NoNamed, call.CallSpan))),
            _ => m => RegexTranslator.Expand(TemplateValues.Str(repl), m, this),
        };
        return count > 0 ? Regex.Replace(text, evaluator, (int)count) : Regex.Replace(text, evaluator);
    }

    public override string ToString() => $"re.compile({TemplateValues.Repr(Source)})";
}
